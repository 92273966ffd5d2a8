/**
 * Profiles: the people behind the platform (trainers, consumers, both). Owns the {@code profiles} table, provisions
 * a profile the first time an authenticated subject calls, and lets a user read and edit their own profile.
 */
@ApplicationModule(displayName = "Profiles", allowedDependencies = "platform")
package com.agentanchor.profiles;

import org.springframework.modulith.ApplicationModule;
