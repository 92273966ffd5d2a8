package com.agentanchor.truthchain.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * A user's right to erasure, on the truth chain: the private fields of sealed records about them, their agents,
 * the council decisions about their agents and their acquisitions are deleted. The commitments stay in the signed
 * bytes, so every record, checkpoint and proof still verifies; nobody can read the fields back.
 */
@PrimaryPort
public interface PrivateFieldsErasure {

    /** Erases the acting user's private fields; returns how many records' fields were erased. */
    int eraseMine();
}
