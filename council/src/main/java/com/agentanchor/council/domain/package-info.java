/** Council decisions and their rules. No Spring here. */
package com.agentanchor.council.domain;
