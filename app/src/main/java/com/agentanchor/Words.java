package com.agentanchor;

import java.util.List;
import java.util.Map;

import com.agentanchor.council.domain.Vote;

/** What the demo world's people, agents and council say. Written for the demo; any resemblance is a coincidence. */
final class Words {

    private Words() {
    }

    static final List<String> FIRST_NAMES = List.of("Ada", "Amara", "Anders", "Aiko", "Bea", "Bruno", "Camila",
            "Chidi", "Dara", "Diego", "Elif", "Emeka", "Esme", "Farah", "Felix", "Greta", "Hamid", "Hana", "Ines",
            "Ivan", "Jonas", "Jun", "Kaia", "Kofi", "Lena", "Luca", "Maya", "Mateo", "Nadia", "Nikos", "Noor", "Olu",
            "Oskar", "Priya", "Quinn", "Rafael", "Rina", "Sana", "Soren", "Tariq", "Thea", "Uma", "Viktor", "Wen",
            "Yara", "Yusuf", "Zara", "Zoltan");

    static final List<String> LAST_NAMES = List.of("Okafor", "Lindqvist", "Tanaka", "Moreau", "Costa", "Haddad",
            "Novak", "Mensah", "Ferreira", "Kowalski", "Nakamura", "Osei", "Petrov", "Quintero", "Rahman", "Schmidt",
            "Takahashi", "Umarov", "Vasquez", "Weber", "Xu", "Yilmaz", "Zhang", "Andersen", "Bianchi", "Castillo",
            "Dubois", "Eriksen", "Fischer", "Gupta");

    static final List<String> AGENT_ADJECTIVES = List.of("Quiet", "Swift", "Amber", "Cobalt", "Lucid", "Nimble",
            "Steady", "Bright", "Silver", "Patient", "Keen", "Candid", "Brisk", "Civil", "Deft", "Frank", "Gentle",
            "Hardy", "Jolly", "Noble", "Polar", "Rapid", "Sage", "Tidy", "Vivid", "Wry", "Zen", "Crimson", "Golden",
            "Iron");

    static final List<String> AGENT_NOUNS = List.of("Heron", "Ledger", "Lynx", "Compass", "Beacon", "Otter", "Falcon",
            "Atlas", "Quill", "Harbor", "Sparrow", "Anchor", "Badger", "Cipher", "Drift", "Ember", "Fjord", "Garnet",
            "Kestrel", "Lantern", "Marten", "Nova", "Orca", "Pilot", "Raven", "Scribe", "Tern", "Vega", "Warden",
            "Yak");

    /** A line of business agents are built for: the tools they may call and how they are catalogued. */
    record Category(String name, String teams, String description, String tagline, List<String> tools,
            List<String> tags) {
    }

    static final List<Category> CATEGORIES = List.of(
            new Category("customer-support", "support teams",
                    "Answers customer questions from the help centre and hands over what it cannot solve.",
                    "support that knows when to hand over", List.of("helpdesk.search", "email.send", "kb.lookup"),
                    List.of("support", "tickets", "email", "helpdesk")),
            new Category("finance", "finance teams",
                    "Reconciles invoices against the ledger and drafts payment runs for approval.",
                    "month-end without the spreadsheets", List.of("ledger.read", "invoice.create", "payments.draft"),
                    List.of("invoices", "reconciliation", "payments", "accounting")),
            new Category("research", "research teams", "Reads papers and the web and writes briefs that cite sources.",
                    "briefs with every source cited", List.of("web.search", "pdf.read", "notes.write"),
                    List.of("research", "summaries", "citations", "literature")),
            new Category("devops", "platform teams",
                    "Watches deployments, triages alerts and opens incident tickets with the evidence attached.",
                    "first responder for your alerts", List.of("repo.read", "ci.trigger", "cluster.describe"),
                    List.of("incidents", "alerts", "deployments", "on-call")),
            new Category("marketing", "marketing teams", "Drafts campaign copy and reports on what performed.",
                    "copy that learns from the numbers", List.of("cms.draft", "analytics.read", "social.schedule"),
                    List.of("campaigns", "copywriting", "analytics", "social")),
            new Category("legal", "legal teams",
                    "Reviews contracts against the standard playbook and flags every deviation.",
                    "contract review against your playbook", List.of("contracts.read", "clauses.compare"),
                    List.of("contracts", "compliance", "review", "clauses")),
            new Category("sales", "sales teams", "Qualifies inbound leads and keeps the CRM tidy.",
                    "leads qualified before lunch", List.of("crm.read", "crm.update", "email.send"),
                    List.of("leads", "crm", "outreach", "pipeline")),
            new Category("data", "data teams", "Answers ad-hoc questions from the warehouse, with a chart.",
                    "answers from your warehouse", List.of("sql.query", "sheets.write", "charts.render"),
                    List.of("sql", "dashboards", "reporting", "warehouse")),
            new Category("security", "security teams", "Reviews access logs and flags suspicious sign-ins.",
                    "a second pair of eyes on access", List.of("siem.search", "iam.read", "ticket.create"),
                    List.of("security", "access", "audit", "alerts")),
            new Category("operations", "operations teams", "Books travel and meetings within the company's policy.",
                    "travel and meetings within policy", List.of("calendar.book", "travel.search", "email.send"),
                    List.of("travel", "scheduling", "operations", "policy")));

    /** What agents ask the council to approve, by risk level 0 to 4. */
    static final List<List<String>> ACTIONS = List.of(
            List.of("read the public product catalogue", "summarise yesterday's tickets", "draft an internal note",
                    "look up the office opening hours"),
            List.of("reply to a customer ticket", "update a CRM contact", "schedule a team meeting",
                    "tag incoming support emails"),
            List.of("send this week's invoice batch", "refund a customer up to $200", "book a venue for the offsite",
                    "publish a blog post", "email the monthly newsletter", "merge a dependency update",
                    "renew a software licence under $1,000"),
            List.of("approve a vendor payment of $12,000", "rotate the production API keys",
                    "change a customer's billing plan", "delete stale customer records",
                    "deploy a hotfix to production", "send a price change to 5,000 customers"),
            List.of("wire $250,000 to a new supplier", "grant admin access to a contractor",
                    "sign a three-year contract", "purge a customer's data on request",
                    "execute a trade above $1M"));

    static final Map<Vote, List<String>> VOTE_REASONS = Map.of(
            Vote.FOR, List.of("within policy", "the audit trail covers it", "clean record so far",
                    "reviewed the logs: nothing unusual", "low blast radius"),
            Vote.AGAINST, List.of("too much for its tier", "no audit trail for this", "needs a human in the loop",
                    "outside its declared tools", "the last incident is not closed"),
            Vote.ABSTAIN, List.of("conflict of interest", "not my field"));

    static final List<String> SUSPENSION_REASONS = List.of("repeatedly ignored the refund limit",
            "sent emails outside approved hours", "invented clauses in a contract summary",
            "leaked internal ticket notes to a customer", "exceeded its API budget five times");

    static final List<String> REINSTATEMENT_REASONS = List.of("retrained on the policy and passed a review",
            "guardrails added after the incident review");

    static final List<String> OVERRIDE_REASONS = List.of("done on my responsibility: the client asked for it",
            "a one-off the board approved", "I checked the numbers myself");

    static final List<String> SIGN_OFF_REASONS = List.of("checked with finance", "the contract was reviewed by legal",
            "second pair of eyes: fine");

    static final List<String> PASS_NOTES = List.of("clear reasoning, stayed within its tools",
            "handled every edge case in the suite", "asked for help exactly when it should");

    static final List<String> FAIL_NOTES = List.of("ignored the escalation policy",
            "cited a source that does not exist", "called a tool it was not given");

    /** A consumer's verdict on an acquired agent, mostly favourable, as marketplace reviews are. */
    record Review(int rating, String text) {
    }

    static final List<Review> REVIEWS = List.of(new Review(5, "Saved our team hours every week."),
            new Review(5, "Asks before anything risky, exactly as promised."), new Review(4, "Solid, a little slow."),
            new Review(4, "Good results once we tuned its tools."), new Review(3, "Fine for simple cases."),
            new Review(2, "Escalated too often for our taste."), new Review(1, "Did not fit our workflow."));

    static final List<String> PROMPT_RULES = List.of("Never act outside your tools.",
            "Ask the council before anything irreversible.", "Cite where every figure comes from.",
            "Hand over to a human when unsure.");

    /** Empty: the platform's default model. */
    static final List<String> MODELS = List.of("gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet", "claude-3-haiku",
            "llama-3.1-70b", "mistral-large", "");

    static final List<String> LISTING_PITCHES = List.of("Graduated from the AgentAnchor academy.",
            "Every action on the truth chain.", "Governed by the council since day one.");
}
