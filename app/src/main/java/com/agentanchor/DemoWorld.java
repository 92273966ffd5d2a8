package com.agentanchor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;

import com.agentanchor.academy.domain.Curriculum;
import com.agentanchor.academy.domain.CurriculumType;
import com.agentanchor.academy.domain.Examination;
import com.agentanchor.agents.application.port.in.RegisterAgent;
import com.agentanchor.agents.domain.AgentConfig;
import com.agentanchor.agents.domain.AgentMetadata;
import com.agentanchor.agents.domain.AutonomyLevel;
import com.agentanchor.council.domain.DecisionType;
import com.agentanchor.council.domain.Vote;
import com.agentanchor.marketplace.domain.AcquisitionType;
import com.agentanchor.marketplace.domain.Terms;
import com.agentanchor.platform.security.Admins;
import com.agentanchor.profiles.domain.UserRole;

/**
 * A demo world, planned in full from a seed before anything is written: the people, each agent's life (registration,
 * the academy, the council's decisions with every ballot, its listing), who acquires what, and how it ends
 * (suspensions, reinstatements, requests left open). The same seed plans the same world; ids and times are the
 * database's. {@link DemoWorldSeeding} plays it through the modules' use cases.
 *
 * <p>The plan follows the rules the use cases enforce (who may vote, when a request is decided, what each verdict
 * does to trust), so it also knows how every agent must come out; the seeding checks that it did.
 */
final class DemoWorld {

    static final int TRAINERS = 30;
    static final int VALIDATORS = 6;
    static final int TRAINERS_WHO_BUY = 4;
    static final int CONSUMERS = 18;
    static final int AGENTS = 300;

    /** Who seats the validators and signs off critical requests: the local default's development admin. */
    static final Person ADMIN = new Person(Admins.DEV_ADMIN, "Development Admin", null, false, null, null);

    final long seed;
    final List<Person> people;
    final List<AgentLife> agents;
    final List<Purchase> purchases;

    private DemoWorld(long seed, List<Person> people, List<AgentLife> agents, List<Purchase> purchases) {
        this.seed = seed;
        this.people = people;
        this.agents = agents;
        this.purchases = purchases;
    }

    static DemoWorld plan(long seed) {
        return new Planner(seed).plan();
    }

    List<Person> validators() {
        return people.stream().filter(Person::validator).toList();
    }

    /**
     * Someone the demo page can sign in as: its development token's subject is the name as the page spells it
     * ({@code subjectFor} in demo/app.js), and its email the one {@code POST /dev/token} gives that subject.
     */
    record Person(String subject, String name, UserRole role, boolean validator, String storefrontName,
            String storefrontBio) {

        static Person named(String name, UserRole role, boolean validator, String storefrontName, String bio) {
            var subject = name.toLowerCase().replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
            return new Person(subject, name, role, validator, storefrontName, bio);
        }

        String email() {
            return subject + "@agentanchor.local";
        }

        boolean buys() {
            return role == UserRole.consumer || role == UserRole.both;
        }
    }

    /**
     * One agent's life: {@code early} runs as soon as the people exist (registration to listing), {@code late}
     * after every purchase (suspensions and requests left open); {@code status} and {@code trustScore} are how it
     * must end up.
     */
    record AgentLife(int index, Person owner, RegisterAgent registration, List<Step> early, List<Step> late,
            String status, int trustScore) {
    }

    /** An agent's status as the API names it ({@code agent_status}); no use case retires an agent yet. */
    static final List<String> STATUSES = List.of("draft", "training", "examination", "active", "suspended");

    /** Something that happens to an agent, through the use case the API runs for it. */
    interface Step {
    }

    record Enroll(CurriculumType curriculum) implements Step {
    }

    /** A validator's passing grade of one of the curriculum's modules: the examination opens after the last. */
    record PassModule(Person examiner, int module, int score, String notes) implements Step {
    }

    record SitExamination() implements Step {
    }

    record Grade(Person examiner, Examination examination) implements Step {
    }

    /**
     * A request put before the council by {@code requester}, the {@code ballots} cast on it in order (the last
     * decides it, if any does), then an admin's sign-off of a critical approval and the owner's override.
     */
    record Ask(Person requester, DecisionType type, int risk, String action, List<Ballot> ballots, String signOff,
            String override, Outcome outcome) implements Step {
    }

    record Ballot(Person validator, Vote vote, String reason) {
    }

    /** How a request ends in the demo world. */
    enum Outcome {
        APPROVED_AT_ONCE, APPROVED, REJECTED, OVERRIDDEN, ESCALATED, PENDING
    }

    record ListForSale(String title, String description, Terms terms, String category, List<String> tags)
            implements Step {
    }

    /** A buyer's acquisition of a listed agent and, when {@code rating} is not null, their review of it. */
    record Purchase(Person buyer, int agentIndex, AcquisitionType type, Integer rating, String review) {
    }

    /** What an active agent has waiting at the end. */
    private enum Opening {
        NONE, PENDING, ESCALATED, SUSPENSION_TURNED_DOWN
    }

    /** How an agent's life goes, before the details are drawn. */
    private enum Fate {
        DRAFT, STARTED_OVER, TRAINING, RETRAINING, EXAMINATION, ACTIVE, SUSPENDED, REINSTATED
    }

    private static final class Planner {

        private final Random random;
        private final long seed;
        private final List<Person> trainers = new ArrayList<>();
        private final List<Person> validators = new ArrayList<>();
        private final List<Person> buyers = new ArrayList<>();
        private final List<Opening> openings = new ArrayList<>();

        Planner(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
        }

        DemoWorld plan() {
            var people = people();
            var fates = fates();
            int active = Collections.frequency(fates, Fate.ACTIVE);
            var tiers = tiers(active + Collections.frequency(fates, Fate.REINSTATED));
            openings(active);
            var names = names(Words.AGENT_ADJECTIVES, Words.AGENT_NOUNS, AGENTS);
            var agents = new ArrayList<AgentLife>();
            int climbing = 0;
            for (int i = 0; i < AGENTS; i++) {
                var fate = fates.get(i);
                int target = fate == Fate.ACTIVE || fate == Fate.REINSTATED ? tiers.get(climbing++)
                        : fate == Fate.SUSPENDED ? provisional() : 0;
                agents.add(life(i, owner(), names.get(i), fate, target));
            }
            var purchases = purchases(agents);
            return new DemoWorld(seed, people, agents, purchases);
        }

        private List<Person> people() {
            var names = names(Words.FIRST_NAMES, Words.LAST_NAMES, TRAINERS + CONSUMERS);
            var people = new ArrayList<Person>();
            for (int i = 0; i < TRAINERS; i++) {
                var name = names.get(i);
                boolean validator = i < VALIDATORS;
                var role = i >= TRAINERS - TRAINERS_WHO_BUY ? UserRole.both : UserRole.trainer;
                var category = pick(Words.CATEGORIES);
                var storefront = random.nextBoolean() ? name.split(" ")[1] + " Labs"
                        : name.split(" ")[0] + "'s Agents";
                var person = Person.named(name, role, validator, storefront,
                        "Agents for " + category.teams() + ", trained and examined on AgentAnchor.");
                people.add(person);
                trainers.add(person);
                if (validator) {
                    validators.add(person);
                }
                if (role == UserRole.both) {
                    buyers.add(person);
                }
            }
            for (int i = TRAINERS; i < TRAINERS + CONSUMERS; i++) {
                var person = Person.named(names.get(i), UserRole.consumer, false, null, null);
                people.add(person);
                buyers.add(person);
            }
            return List.copyOf(people);
        }

        /** Quotas, so that every status shows up whatever the seed; the rest are active. */
        private List<Fate> fates() {
            var fates = new ArrayList<Fate>();
            add(fates, Fate.DRAFT, 22);
            add(fates, Fate.STARTED_OVER, 8);
            add(fates, Fate.TRAINING, 18);
            add(fates, Fate.RETRAINING, 10);
            add(fates, Fate.EXAMINATION, 24);
            add(fates, Fate.SUSPENDED, 24);
            add(fates, Fate.REINSTATED, 10);
            add(fates, Fate.ACTIVE, AGENTS - fates.size());
            Collections.shuffle(fates, random);
            return fates;
        }

        /** Requests some active agents leave open at the end, so that the council's queues are not empty. */
        private void openings(int count) {
            for (int i = 0; i < count; i++) {
                openings.add(i < 14 ? Opening.PENDING : i < 19 ? Opening.ESCALATED
                        : i < 26 ? Opening.SUSPENSION_TURNED_DOWN : Opening.NONE);
            }
            Collections.shuffle(openings, random);
        }

        /** The trust each agent active at the end climbs to: every tier shows up, most agents are new graduates. */
        private List<Integer> tiers(int count) {
            var targets = new ArrayList<Integer>();
            for (int i = 0; i < 8; i++) {
                targets.add(-1); // Untrusted: a graduate the council has rejected since
            }
            tier(targets, 10, 400, 590); // Established
            tier(targets, 4, 600, 790); // Trusted
            tier(targets, 2, 800, 890); // Highly Trusted
            tier(targets, 2, 900, 980); // Elite
            while (targets.size() < count) {
                targets.add(provisional());
            }
            Collections.shuffle(targets, random);
            return targets;
        }

        private void tier(List<Integer> targets, int count, int low, int high) {
            for (int i = 0; i < count; i++) {
                targets.add(between(low, high));
            }
        }

        /** Most graduates have done little since; a few have climbed most of the way to Established. */
        private int provisional() {
            return random.nextInt(100) < 85 ? between(200, 205) : between(205, 390);
        }

        private Person owner() {
            // A few prolific trainers and a long tail, as on any marketplace.
            double x = random.nextDouble();
            return trainers.get((int) (x * x * trainers.size()));
        }

        private AgentLife life(int index, Person owner, String name, Fate fate, int target) {
            var category = pick(Words.CATEGORIES);
            var registration = registration(name, category);
            var early = new ArrayList<Step>();
            var late = new ArrayList<Step>();
            var trust = new Trust();
            var status = "draft";
            switch (fate) {
                case DRAFT -> { }
                case STARTED_OVER -> {
                    var curriculum = enroll(owner, early, true);
                    for (int attempt = 0; attempt < Examination.MAX_ATTEMPTS; attempt++) {
                        early.add(new SitExamination());
                        early.add(new Grade(examiner(owner), failed(curriculum)));
                    }
                }
                case TRAINING -> {
                    enroll(owner, early, false);
                    status = "training";
                }
                case RETRAINING -> {
                    var curriculum = enroll(owner, early, true);
                    early.add(new SitExamination());
                    early.add(new Grade(examiner(owner), failed(curriculum)));
                    status = "training";
                }
                case EXAMINATION -> {
                    var curriculum = enroll(owner, early, true);
                    if (random.nextInt(4) == 0) {
                        early.add(new SitExamination());
                        early.add(new Grade(examiner(owner), failed(curriculum)));
                    }
                    early.add(new SitExamination());
                    status = "examination";
                }
                case ACTIVE, SUSPENDED, REINSTATED -> {
                    graduate(owner, early, trust);
                    status = "active";
                    if (target < 0) {
                        fallFromGrace(owner, early, trust);
                    } else {
                        // A reinstated agent was suspended on the way (-50): it climbed that much higher before.
                        climb(owner, early, trust, fate == Fate.REINSTATED ? Math.min(1000, target + 50) : target);
                    }
                    if (random.nextInt(100) < 55) {
                        early.add(listing(name, category));
                    }
                    if (fate == Fate.SUSPENDED || fate == Fate.REINSTATED) {
                        late.add(ask(pick(buyers), DecisionType.suspension, 2 + random.nextInt(2),
                                pick(Words.SUSPENSION_REASONS), owner, true, trust));
                        status = "suspended";
                    }
                    if (fate == Fate.REINSTATED) {
                        late.add(ask(owner, DecisionType.reinstatement, 2, pick(Words.REINSTATEMENT_REASONS), owner,
                                true, trust));
                        status = "active";
                    }
                    if (fate == Fate.ACTIVE) {
                        leaveOpen(owner, late);
                    }
                }
                default -> throw new IllegalStateException(fate.name());
            }
            return new AgentLife(index, owner, registration, List.copyOf(early), List.copyOf(late), status,
                    trust.score);
        }

        private void graduate(Person owner, List<Step> steps, Trust trust) {
            var curriculum = enroll(owner, steps, true);
            if (random.nextInt(5) == 0) {
                steps.add(new SitExamination());
                steps.add(new Grade(examiner(owner), failed(curriculum)));
            }
            steps.add(new SitExamination());
            steps.add(new Grade(examiner(owner), new Examination(between(curriculum.examinationPassMark(), 100),
                    pick(Words.PASS_NOTES))));
            trust.score += Examination.GRADUATION_TRUST;
        }

        /**
         * Enrolls in a curriculum and passes its modules: every one when an examination follows, otherwise some
         * (the agent is still in training).
         */
        private Curriculum enroll(Person owner, List<Step> steps, boolean throughEveryModule) {
            var curriculum = pick(CurriculumType.values()).curriculum();
            steps.add(new Enroll(curriculum.type()));
            int passed = throughEveryModule ? curriculum.totalModules() : random.nextInt(curriculum.totalModules());
            for (var module : curriculum.modules().subList(0, passed)) {
                steps.add(new PassModule(examiner(owner), module.number(), between(module.passMark(), 100),
                        pick(Words.PASS_NOTES)));
            }
            return curriculum;
        }

        /**
         * Approvals from the council until the agent's trust reaches {@code target} (at most 9 points past it, so it
         * stays in the target's tier): mostly single-validator requests, some majority and critical ones, a rejection
         * now and then, and routine requests on the way.
         */
        private void climb(Person owner, List<Step> steps, Trust trust, int target) {
            while (trust.score < target) {
                int roll = random.nextInt(100);
                if (roll < 8) {
                    steps.add(routine(owner));
                    continue;
                }
                int gap = target - trust.score;
                int risk = roll < 80 || gap < 15 ? 2 : roll < 93 || gap < 20 ? 3 : 4;
                boolean reject = random.nextInt(100) < 5 && trust.score > 260;
                steps.add(ask(owner, pick(APPROVAL_TYPES), risk, pick(Words.ACTIONS.get(risk)), owner, !reject,
                        trust));
            }
            if (random.nextInt(100) < 30) {
                steps.add(routine(owner));
            }
        }

        /** A graduate the council has turned down since: its trust below 200 (Untrusted), one verdict overridden. */
        private void fallFromGrace(Person owner, List<Step> steps, Trust trust) {
            int risk = 3 + random.nextInt(2);
            steps.add(ask(owner, DecisionType.approval, risk, pick(Words.ACTIONS.get(risk)), owner, false, trust));
            if (random.nextBoolean()) {
                steps.add(ask(owner, DecisionType.approval, 2, pick(Words.ACTIONS.get(2)), owner, false, trust));
            }
            var last = (Ask) steps.remove(steps.size() - 1);
            steps.add(new Ask(last.requester(), last.type(), last.risk(), last.action(), last.ballots(), null,
                    pick(Words.OVERRIDE_REASONS), Outcome.OVERRIDDEN));
        }

        /** Some requests stay open: waiting for validators, or approved unanimously and waiting for a sign-off. */
        private void leaveOpen(Person owner, List<Step> steps) {
            switch (openings.remove(openings.size() - 1)) {
                case PENDING -> steps.add(pending(owner, 2 + random.nextInt(3)));
                case ESCALATED -> steps.add(new Ask(owner, DecisionType.approval, 4, pick(Words.ACTIONS.get(4)),
                        ballots(owner, 4, Vote.FOR, Vote.FOR, Vote.FOR, Vote.FOR), null, null, Outcome.ESCALATED));
                case SUSPENSION_TURNED_DOWN -> steps.add(new Ask(pick(buyers), DecisionType.suspension, 2,
                        pick(Words.SUSPENSION_REASONS), ballots(owner, 2, Vote.AGAINST), null, null, Outcome.REJECTED));
                default -> { }
            }
        }

        private Ask pending(Person owner, int risk) {
            var votes = risk == 2 ? new Vote[0]
                    : risk == 3 ? pick(new Vote[][] { { Vote.FOR }, { Vote.FOR, Vote.AGAINST } })
                    : new Vote[] { Vote.FOR, Vote.FOR };
            return new Ask(owner, DecisionType.approval, risk, pick(Words.ACTIONS.get(risk)),
                    ballots(owner, risk, votes), null, null, Outcome.PENDING);
        }

        private Ask routine(Person owner) {
            int risk = random.nextInt(2);
            return new Ask(owner, DecisionType.approval, risk, pick(Words.ACTIONS.get(risk)), List.of(), null, null,
                    Outcome.APPROVED_AT_ONCE);
        }

        /**
         * A request the council decides as {@code approve} says, with the ballots that decide it under the council's
         * rule ({@code CouncilRule}: one validator from risk 2 down, three of four at 3, all four at 4 and then an
         * admin's sign-off), and its effect on {@code trust} ({@code CouncilRule.trustImpact}).
         */
        private Ask ask(Person requester, DecisionType type, int risk, String action, Person owner, boolean approve,
                Trust trust) {
            Vote[] votes;
            if (risk <= 2) {
                votes = random.nextInt(6) == 0 ? new Vote[] { Vote.ABSTAIN, approve ? Vote.FOR : Vote.AGAINST }
                        : new Vote[] { approve ? Vote.FOR : Vote.AGAINST };
            } else if (risk == 3) {
                votes = approve
                        ? pick(new Vote[][] { { Vote.FOR, Vote.FOR, Vote.FOR }, { Vote.FOR, Vote.AGAINST, Vote.FOR,
                                Vote.FOR }, { Vote.ABSTAIN, Vote.FOR, Vote.FOR, Vote.FOR } })
                        : pick(new Vote[][] { { Vote.AGAINST, Vote.AGAINST },
                                { Vote.FOR, Vote.AGAINST, Vote.AGAINST } });
            } else {
                votes = approve ? new Vote[] { Vote.FOR, Vote.FOR, Vote.FOR, Vote.FOR }
                        : pick(new Vote[][] { { Vote.AGAINST }, { Vote.FOR, Vote.FOR, Vote.AGAINST } });
            }
            if (type == DecisionType.suspension) {
                trust.score += approve ? -50 : 0;
            } else if (type != DecisionType.reinstatement) {
                trust.score += approve ? 5 * risk : -10 * risk;
            }
            trust.score = Math.max(0, Math.min(1000, trust.score));
            var signOff = approve && risk == 4 ? pick(Words.SIGN_OFF_REASONS) : null;
            return new Ask(requester, type, risk, action, ballots(owner, risk, votes), signOff, null,
                    approve ? Outcome.APPROVED : Outcome.REJECTED);
        }

        /** Validators other than the agent's owner, each voting once, with a reason that fits the vote. */
        private List<Ballot> ballots(Person owner, int risk, Vote... votes) {
            var seated = new ArrayList<>(validators);
            seated.remove(owner);
            Collections.shuffle(seated, random);
            var ballots = new ArrayList<Ballot>();
            for (int i = 0; i < votes.length; i++) {
                ballots.add(new Ballot(seated.get(i), votes[i], pick(Words.VOTE_REASONS.get(votes[i]))));
            }
            return List.copyOf(ballots);
        }

        private Person examiner(Person owner) {
            Person examiner;
            do {
                examiner = pick(validators);
            } while (examiner.equals(owner));
            return examiner;
        }

        private Examination failed(Curriculum curriculum) {
            return new Examination(between(25, curriculum.examinationPassMark() - 1), pick(Words.FAIL_NOTES));
        }

        private RegisterAgent registration(String name, Words.Category category) {
            var tools = new ArrayList<>(category.tools());
            Collections.shuffle(tools, random);
            var config = new AgentConfig(pick(new Integer[] { 1024, 2048, 4096, 8192 }),
                    random.nextInt(13) / 10.0, List.copyOf(tools.subList(0, 1 + random.nextInt(tools.size()))),
                    pick(AutonomyLevel.values()));
            var tags = new ArrayList<>(category.tags());
            Collections.shuffle(tags, random);
            var metadata = new AgentMetadata(category.name(), List.copyOf(tags.subList(0, 1 + random.nextInt(3))),
                    "1." + random.nextInt(6) + "." + random.nextInt(10));
            var description = category.description();
            var prompt = "You are " + name + ". " + description + " " + pick(Words.PROMPT_RULES);
            return new RegisterAgent(name, description, prompt, pick(Words.MODELS), config, metadata);
        }

        private ListForSale listing(String name, Words.Category category) {
            var rates = new String[] { "0.05", "0.08", "0.10", "0.12", "0.15", "0.18", "0.20", "0.25" };
            var rate = new BigDecimal(pick(rates));
            int kind = random.nextInt(10);
            Terms terms;
            if (kind < 6) {
                terms = new Terms(rate, null, null, true, false, false, null);
            } else if (kind < 9) {
                terms = new Terms(rate, BigDecimal.valueOf(between(5, 50) * 10 - 1), null, true, true, false,
                        between(2, 12));
            } else {
                // Sold once, outright: an enterprise lock is exclusive, so no one else may hold it beside.
                terms = new Terms(null, null, BigDecimal.valueOf(between(20, 90) * 100), false, false, true, null);
            }
            return new ListForSale(name + ": " + category.tagline(), category.description() + " "
                    + pick(Words.LISTING_PITCHES), terms, category.name(), category.tags().subList(0, 2));
        }

        /**
         * Each buyer acquires a few listed agents, never their own, in a kind the listing offers: clones while any are
         * left, an enterprise lock by one buyer only (buyers acquire in parallel, so no plan may depend on their
         * order); most buyers review what they acquired.
         */
        private List<Purchase> purchases(List<AgentLife> agents) {
            var listed = new LinkedHashMap<Integer, Terms>();
            for (var agent : agents) {
                agent.early().stream().filter(ListForSale.class::isInstance).map(ListForSale.class::cast)
                        .forEach(listing -> listed.put(agent.index(), listing.terms()));
            }
            var clonesLeft = new HashMap<Integer, Integer>();
            listed.forEach((index, terms) -> clonesLeft.put(index, terms.availableForClone() ? terms.maxClones() : 0));
            var locked = new HashSet<Integer>();
            var purchases = new ArrayList<Purchase>();
            for (var buyer : buyers) {
                var choice = new ArrayList<>(agents.stream().filter(a -> listed.containsKey(a.index())).toList());
                choice.removeIf(a -> a.owner().equals(buyer));
                Collections.shuffle(choice, random);
                int count = buyer.role() == UserRole.consumer ? 3 + random.nextInt(8) : 1 + random.nextInt(3);
                for (var agent : choice) {
                    if (count == 0) {
                        break;
                    }
                    var terms = listed.get(agent.index());
                    AcquisitionType type;
                    if (terms.availableForEnterprise()) {
                        if (!locked.add(agent.index())) {
                            continue;
                        }
                        type = AcquisitionType.enterprise_lock;
                    } else if (clonesLeft.get(agent.index()) > 0 && random.nextInt(3) == 0) {
                        clonesLeft.merge(agent.index(), -1, Integer::sum);
                        type = AcquisitionType.clone;
                    } else {
                        type = AcquisitionType.commission;
                    }
                    var review = random.nextInt(10) < 7 ? pick(Words.REVIEWS) : null;
                    purchases.add(new Purchase(buyer, agent.index(), type, review == null ? null : review.rating(),
                            review == null ? null : review.text()));
                    count--;
                }
            }
            return List.copyOf(purchases);
        }

        private List<String> names(List<String> first, List<String> second, int count) {
            var names = new ArrayList<String>();
            for (var a : first) {
                for (var b : second) {
                    names.add(a + " " + b);
                }
            }
            Collections.shuffle(names, random);
            return List.copyOf(names.subList(0, count));
        }

        private int between(int low, int high) {
            return low + random.nextInt(high - low + 1);
        }

        private <T> T pick(List<T> items) {
            return items.get(random.nextInt(items.size()));
        }

        private <T> T pick(T[] items) {
            return items[random.nextInt(items.length)];
        }

        private static void add(List<Fate> fates, Fate fate, int count) {
            for (int i = 0; i < count; i++) {
                fates.add(fate);
            }
        }

        private static final DecisionType[] APPROVAL_TYPES = { DecisionType.approval, DecisionType.approval,
                DecisionType.approval, DecisionType.modification, DecisionType.escalation };
    }

    /** An agent's trust as the plan follows it: registered at 100, clamped to 0–1000 like the database does. */
    private static final class Trust {

        int score = 100;
    }
}
