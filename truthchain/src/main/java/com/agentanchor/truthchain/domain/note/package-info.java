/**
 * C2SP signed notes (c2sp.org/signed-note) with Ed25519 signatures, and C2SP tlog checkpoints
 * (c2sp.org/tlog-checkpoint): the signed tree heads the truth chain publishes, readable by Go's
 * {@code golang.org/x/mod/sumdb/note} and the transparency-dev tools.
 */
package com.agentanchor.truthchain.domain.note;
