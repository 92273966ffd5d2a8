/**
 * Council: validators approve or reject what agents may do, by the origin's risk table (routine requests at once,
 * then one validator, a majority of three in four, or all four), and their verdicts move the agent's trust and
 * suspend or reinstate it. Owns {@code council_decisions}; knows which validators are online (presence on the
 * {@code presence-council} channel). The agent's owner, the human who answers for it, may override a verdict about
 * it once, with a reason, except a suspension's or reinstatement's; the override is on the record, not a new
 * verdict (trust and status stay). A request not decided in time, or whose agent retires ({@code AgentStatusChanged}),
 * lapses: rejected without a verdict. Precedents are not built yet.
 */
@ApplicationModule(displayName = "Council", allowedDependencies = {
        "platform", "profiles :: api", "agents :: api", "agents :: events" })
package com.agentanchor.council;

import org.springframework.modulith.ApplicationModule;
