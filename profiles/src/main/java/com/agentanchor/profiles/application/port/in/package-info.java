/**
 * What other modules and the platform may ask of profiles: provisioning by auth subject, reading and editing
 * one's own profile, and the {@link com.agentanchor.profiles.application.port.in.ProfileId} every module uses to
 * name the acting person.
 */
@NamedInterface("api")
package com.agentanchor.profiles.application.port.in;

import org.springframework.modulith.NamedInterface;
