package com.agentanchor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.springframework.context.ApplicationContext;

import com.agentanchor.DemoWorld.AgentLife;
import com.agentanchor.DemoWorld.Ask;
import com.agentanchor.DemoWorld.Ballot;
import com.agentanchor.DemoWorld.Enroll;
import com.agentanchor.DemoWorld.Grade;
import com.agentanchor.DemoWorld.ListForSale;
import com.agentanchor.DemoWorld.Outcome;
import com.agentanchor.DemoWorld.Person;
import com.agentanchor.DemoWorld.Purchase;
import com.agentanchor.DemoWorld.PassModule;
import com.agentanchor.DemoWorld.SitExamination;
import com.agentanchor.DemoWorld.Step;
import com.agentanchor.academy.application.port.in.Examining;
import com.agentanchor.academy.application.port.in.Training;
import com.agentanchor.agents.application.port.in.AgentCatalog;
import com.agentanchor.agents.application.port.in.AgentId;
import com.agentanchor.agents.application.port.in.AgentRegistration;
import com.agentanchor.council.application.port.in.CastVote;
import com.agentanchor.council.application.port.in.CouncilVoting;
import com.agentanchor.council.application.port.in.DecisionRequests;
import com.agentanchor.council.application.port.in.RequestDecision;
import com.agentanchor.marketplace.application.port.in.Acquiring;
import com.agentanchor.marketplace.application.port.in.NewListing;
import com.agentanchor.marketplace.application.port.in.Selling;
import com.agentanchor.platform.database.OutstandingEvents;
import com.agentanchor.profiles.application.port.in.ActingProfile;
import com.agentanchor.profiles.application.port.in.AuthenticatedSubject;
import com.agentanchor.profiles.application.port.in.CouncilMembership;
import com.agentanchor.profiles.application.port.in.ProfileId;
import com.agentanchor.profiles.application.port.in.ProfileManagement;
import com.agentanchor.profiles.application.port.in.ProfileProvisioning;
import com.agentanchor.profiles.application.port.in.ProfileRevision;
import com.agentanchor.truthchain.application.port.in.RangeVerification;
import com.agentanchor.truthchain.application.port.in.TruthChainAudit;
import com.agentanchor.truthchain.application.port.in.TruthRecordNotFound;

/**
 * Plays a {@link DemoWorld} through the modules' use cases, acting as each of its people in turn as a request would
 * ({@link ActingProfile}), so that every row passes the same Java rules, row-level security and column walls as one
 * made through the API, and every domain event reaches the observer and the truth chain. Validators are seated by
 * the admin through the council membership an admin uses; critical approvals are signed off by that admin.
 *
 * <p>Agents' lives do not depend on one another, so they are played on a few threads; what each comes to is fixed by
 * the plan, whatever the interleaving, and checked at the end.
 */
final class DemoWorldSeeding {

    private static final Duration EVENTS_SETTLE = Duration.ofMinutes(5);

    private final ProfileProvisioning provisioning;
    private final ProfileManagement profiles;
    private final CouncilMembership council;
    private final AgentRegistration registration;
    private final AgentCatalog catalog;
    private final Training training;
    private final Examining examining;
    private final DecisionRequests requests;
    private final CouncilVoting voting;
    private final Selling selling;
    private final Acquiring acquiring;
    private final TruthChainAudit audit;
    private final OutstandingEvents outstanding;
    private final int threads;

    private final Map<String, ProfileId> profileIds = new ConcurrentHashMap<>();
    /** A validator, who may see every request, to read back how each one ended. */
    private ProfileId witness;
    private final Map<Integer, UUID> agentIds = new ConcurrentHashMap<>();
    private final Map<Integer, UUID> enrollmentIds = new ConcurrentHashMap<>();
    private final Map<Integer, UUID> listingIds = new ConcurrentHashMap<>();

    DemoWorldSeeding(ApplicationContext context, int threads) {
        this.provisioning = context.getBean(ProfileProvisioning.class);
        this.profiles = context.getBean(ProfileManagement.class);
        this.council = context.getBean(CouncilMembership.class);
        this.registration = context.getBean(AgentRegistration.class);
        this.catalog = context.getBean(AgentCatalog.class);
        this.training = context.getBean(Training.class);
        this.examining = context.getBean(Examining.class);
        this.requests = context.getBean(DecisionRequests.class);
        this.voting = context.getBean(CouncilVoting.class);
        this.selling = context.getBean(Selling.class);
        this.acquiring = context.getBean(Acquiring.class);
        this.audit = context.getBean(TruthChainAudit.class);
        this.outstanding = context.getBean(OutstandingEvents.class);
        this.threads = threads;
    }

    /** Whether anything has happened here yet: every agent, decision and acquisition leaves a truth record. */
    boolean worldIsEmpty() {
        try (var anonymous = ActingProfile.enterAnonymous()) {
            audit.record(1);
            return false;
        } catch (TruthRecordNotFound none) {
            return true;
        }
    }

    Summary seed(DemoWorld world) throws InterruptedException {
        long started = System.nanoTime();
        people(world);
        // Longest lives first, so that the last thread is not left alone with an Elite agent's hundred requests.
        var longestFirst = world.agents.stream()
                .sorted(Comparator.comparingInt((AgentLife a) -> a.early().size()).reversed()).toList();
        inParallel(longestFirst, agent -> {
            agentId(agent); // registered first, whatever comes next
            agent.early().forEach(step -> play(agent, step));
        });
        var byBuyer = new TreeMap<String, List<Purchase>>();
        world.purchases.forEach(p -> byBuyer.computeIfAbsent(p.buyer().subject(), s -> new ArrayList<>()).add(p));
        inParallel(List.copyOf(byBuyer.values()), purchases -> purchases.forEach(this::acquire));
        inParallel(world.agents, agent -> agent.late().forEach(step -> play(agent, step)));
        var tiers = checkOutcomes(world);
        long played = System.nanoTime();
        // The observer and the truth chain record after each commit, on their own threads.
        if (!outstanding.awaitNone(EVENTS_SETTLE)) {
            throw new IllegalStateException(outstanding.count() + " events were still not handled after "
                    + EVENTS_SETTLE.toMinutes() + " minutes; they are retried when the app starts");
        }
        RangeVerification chain;
        try (var anonymous = ActingProfile.enterAnonymous()) {
            chain = audit.verify(null, null);
        }
        return Summary.of(world, tiers, chain, Duration.ofNanos(played - started),
                Duration.ofNanos(System.nanoTime() - played));
    }

    private void people(DemoWorld world) {
        var admin = provision(DemoWorld.ADMIN);
        for (var person : world.people) {
            var id = provision(person);
            try (var acting = ActingProfile.enter(id)) {
                profiles.revise(id, new ProfileRevision(person.name(), null, person.role(), null,
                        person.storefrontName(), person.storefrontBio()));
            }
        }
        try (var acting = ActingProfile.enter(admin, true)) {
            for (var validator : world.validators()) {
                council.appoint(admin, profileIds.get(validator.subject()));
            }
        }
        witness = id(world.validators().get(0));
    }

    private ProfileId provision(Person person) {
        var id = provisioning.provision(new AuthenticatedSubject(person.subject(), person.email(), person.name()));
        profileIds.put(person.subject(), id);
        return id;
    }

    private void play(AgentLife agent, Step step) {
        var owner = id(agent.owner());
        if (step instanceof Enroll enroll) {
            as(owner, () -> enrollmentIds.put(agent.index(),
                    training.enroll(owner, agentId(agent), enroll.curriculum()).id()));
        } else if (step instanceof PassModule module) {
            var examiner = id(module.examiner());
            as(examiner, () -> examining.gradeModule(examiner, enrollmentIds.get(agent.index()), module.module(),
                    module.score(), module.notes()));
        } else if (step instanceof SitExamination) {
            as(owner, () -> training.sitExamination(owner, enrollmentIds.get(agent.index())));
        } else if (step instanceof Grade grade) {
            var examiner = id(grade.examiner());
            as(examiner, () -> examining.grade(examiner, enrollmentIds.get(agent.index()), grade.examination()));
        } else if (step instanceof Ask ask) {
            ask(agent, ask);
        } else if (step instanceof ListForSale listing) {
            as(owner, () -> listingIds.put(agent.index(), selling.list(owner, new NewListing(agentId(agent),
                    listing.title(), listing.description(), listing.terms(), listing.category(), listing.tags(),
                    null, null)).id()));
        } else {
            throw new IllegalArgumentException("No use case plays " + step);
        }
    }

    private UUID agentId(AgentLife agent) {
        return agentIds.computeIfAbsent(agent.index(), i -> {
            var owner = id(agent.owner());
            try (var acting = ActingProfile.enter(owner)) {
                return registration.register(owner, agent.registration()).id();
            }
        });
    }

    private void ask(AgentLife agent, Ask ask) {
        var requester = id(ask.requester());
        UUID decision;
        try (var acting = ActingProfile.enter(requester)) {
            decision = requests.request(requester, new RequestDecision(agentId(agent), ask.type(), ask.risk(),
                    ask.action())).id();
        }
        for (Ballot ballot : ask.ballots()) {
            var validator = id(ballot.validator());
            as(validator, () -> voting.vote(validator, decision, new CastVote(ballot.vote(), ballot.reason())));
        }
        if (ask.signOff() != null) {
            var admin = id(DemoWorld.ADMIN);
            try (var acting = ActingProfile.enter(admin, true)) {
                requests.signOff(admin, decision, ask.signOff());
            }
        }
        if (ask.override() != null) {
            as(requester, () -> requests.override(requester, decision, ask.override()));
        }
        String status;
        try (var acting = ActingProfile.enter(witness)) {
            status = String.valueOf(requests.find(decision).orElseThrow().status());
        }
        if (!status.equals(expected(ask.outcome()))) {
            throw new IllegalStateException("The council's request \"" + ask.action() + "\" about " + agent
                    .registration().name() + " is " + status + ", the plan says " + ask.outcome());
        }
    }

    /** The decision's status as the API names it. */
    private static String expected(Outcome outcome) {
        return switch (outcome) {
            case APPROVED_AT_ONCE, APPROVED -> "approved";
            case REJECTED -> "rejected";
            case OVERRIDDEN -> "overridden";
            case ESCALATED -> "escalated";
            case PENDING -> "pending";
        };
    }

    private void acquire(Purchase purchase) {
        var buyer = id(purchase.buyer());
        as(buyer, () -> {
            var acquisition = acquiring.acquire(buyer, listingIds.get(purchase.agentIndex()), purchase.type());
            if (purchase.rating() != null) {
                acquiring.review(buyer, acquisition.id(), purchase.rating(), purchase.review());
            }
        });
    }

    /**
     * Every agent as its owner sees it now: the status and trust the plan says it comes to. Returns how many agents
     * each trust tier holds, as the platform names and ranks the tiers.
     */
    private Map<String, Integer> checkOutcomes(DemoWorld world) {
        var tiers = new TreeMap<Integer, String>();
        var counts = new HashMap<String, Integer>();
        for (var agent : world.agents) {
            var owner = id(agent.owner());
            try (var acting = ActingProfile.enter(owner)) {
                var seen = catalog.find(owner, new AgentId(agentId(agent))).orElseThrow();
                var status = String.valueOf(seen.status());
                if (!status.equals(agent.status()) || seen.trustScore() != agent.trustScore()) {
                    throw new IllegalStateException(agent.registration().name() + " came out " + status
                            + " with trust " + seen.trustScore() + "; the plan says " + agent.status() + " with "
                            + agent.trustScore());
                }
                tiers.put(seen.trustTierLevel(), seen.trustTier());
                counts.merge(seen.trustTier(), 1, Integer::sum);
            }
        }
        var ranked = new LinkedHashMap<String, Integer>();
        tiers.values().forEach(tier -> ranked.put(tier, counts.get(tier)));
        return ranked;
    }

    private ProfileId id(Person person) {
        return profileIds.get(person.subject());
    }

    private static void as(ProfileId profile, Runnable work) {
        try (var acting = ActingProfile.enter(profile)) {
            work.run();
        }
    }

    /** Runs {@code work} for each item on the seeding's threads; the first failure stops the seeding. */
    private <T> void inParallel(List<T> items, Consumer<T> work) throws InterruptedException {
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var done = new ArrayList<Future<?>>();
            for (var item : items) {
                done.add(pool.submit(() -> work.accept(item)));
            }
            for (var future : done) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** What the world holds, for the command's report. */
    record Summary(int people, int validators, Map<String, Integer> statuses, Map<String, Integer> tiers,
            Map<Integer, Integer> decisionsByRisk, int votes, int listings, int acquisitions, long truthRecords,
            boolean chainIntact, String chainDefect, Duration playing, Duration catchingUp) {

        static Summary of(DemoWorld world, Map<String, Integer> tiers, RangeVerification chain, Duration playing,
                Duration catchingUp) {
            var statuses = new LinkedHashMap<String, Integer>();
            DemoWorld.STATUSES.forEach(status -> statuses.put(status, 0));
            var risks = new TreeMap<Integer, Integer>();
            int votes = 0;
            int listings = 0;
            for (var agent : world.agents) {
                statuses.merge(agent.status(), 1, Integer::sum);
                for (var step : concat(agent.early(), agent.late())) {
                    if (step instanceof Ask ask) {
                        risks.merge(ask.risk(), 1, Integer::sum);
                        votes += ask.ballots().size();
                    } else if (step instanceof ListForSale) {
                        listings++;
                    }
                }
            }
            return new Summary(world.people.size() + 1, world.validators().size(), statuses, tiers, risks, votes,
                    listings, world.purchases.size(), chain.chainLength(), chain.intact(),
                    chain.intact() ? null : String.valueOf(chain.firstBroken()), playing, catchingUp);
        }

        private static List<Step> concat(List<Step> a, List<Step> b) {
            var all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }

        int agents() {
            return statuses.values().stream().mapToInt(Integer::intValue).sum();
        }

        int decisions() {
            return decisionsByRisk.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
