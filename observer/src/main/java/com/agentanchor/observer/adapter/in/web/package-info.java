/** HTTP: agents report to the log, users read it back as a feed. */
package com.agentanchor.observer.adapter.in.web;
