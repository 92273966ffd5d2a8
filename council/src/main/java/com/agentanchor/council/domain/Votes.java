package com.agentanchor.council.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jmolecules.ddd.annotation.ValueObject;

/** The ballots cast on a decision so far, in order. */
@ValueObject
public record Votes(List<Ballot> ballots) {

    public static final Votes NONE = new Votes(List.of());

    public Votes {
        ballots = List.copyOf(ballots);
    }

    public boolean castBy(UUID validatorId) {
        return ballots.stream().anyMatch(b -> b.validatorId().equals(validatorId));
    }

    public Votes with(Ballot ballot) {
        if (castBy(ballot.validatorId())) {
            throw new IllegalStateException("one vote per validator");
        }
        var all = new ArrayList<>(ballots);
        all.add(ballot);
        return new Votes(all);
    }

    public int count(Vote vote) {
        return (int) ballots.stream().filter(b -> b.vote() == vote).count();
    }
}
