/**
 * Profiles: the people behind the platform (trainers, consumers, both). Owns the {@code profiles} table, provisions
 * a profile the first time an authenticated subject calls, lets a user read and edit their own profile, and serves
 * anyone's public page (name, avatar, storefront), on which other modules put what they show through
 * {@code StorefrontShelves}.
 */
@ApplicationModule(displayName = "Profiles", allowedDependencies = "platform")
package com.agentanchor.profiles;

import org.springframework.modulith.ApplicationModule;
