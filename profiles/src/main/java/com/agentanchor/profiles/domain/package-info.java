/**
 * The profile and the rules for changing it. No Spring here.
 */
package com.agentanchor.profiles.domain;
