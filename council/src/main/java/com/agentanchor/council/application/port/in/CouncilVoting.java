package com.agentanchor.council.application.port.in;

import java.util.List;
import java.util.UUID;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.profiles.application.port.in.ProfileId;

/**
 * Validators at work: what is waiting for them, and their votes. The vote that decides a request also applies its
 * consequences (trust, suspension) in the same transaction.
 */
@PrimaryPort
public interface CouncilVoting {

    /** Pending requests the caller may see, newest first. */
    List<DecisionView> pending(int limit);

    /**
     * @throws NotAValidator when the caller does not sit on the council
     * @throws DecisionNotFound when there is no such decision the caller may see
     * @throws OwnAgent when the decision is about the caller's own agent
     * @throws VoteRefused when the decision is closed or the caller has voted on it already
     */
    DecisionView vote(ProfileId validator, UUID decisionId, CastVote vote);
}
