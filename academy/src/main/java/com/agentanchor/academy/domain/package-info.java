/** Enrolments and examinations, and their rules. No Spring here. */
package com.agentanchor.academy.domain;
