package com.agentanchor.profiles.application.port.in;

/** A seat after an appointment, and whether this appointment gave it (false: the profile sat there already). */
public record Appointment(ValidatorView seat, boolean seatedNow) {
}
