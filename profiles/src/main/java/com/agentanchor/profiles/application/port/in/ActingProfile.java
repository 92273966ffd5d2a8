package com.agentanchor.profiles.application.port.in;

import java.util.Optional;

/**
 * Who the current thread acts for. The platform's transaction manager hands it to PostgreSQL as the first
 * statement of every transaction, where row-level security reads it. Requests enter it from the verified token;
 * asynchronous listeners enter it from the actor their event carries. With none entered, the database sees an
 * anonymous caller and every policy fails closed.
 */
public final class ActingProfile {

    private static final ThreadLocal<ProfileId> CURRENT = new ThreadLocal<>();

    private ActingProfile() {
    }

    public static Optional<ProfileId> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Acts for {@code profile} until the returned scope closes; transactions begun inside carry it. */
    public static Scope enter(ProfileId profile) {
        return swap(profile);
    }

    /** Acts for nobody until the returned scope closes: only public rows are visible. */
    public static Scope enterAnonymous() {
        return swap(null);
    }

    private static Scope swap(ProfileId profile) {
        var previous = CURRENT.get();
        set(profile);
        return () -> set(previous);
    }

    private static void set(ProfileId profile) {
        if (profile == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(profile);
        }
    }

    /** Closing restores whoever was acting before. */
    public interface Scope extends AutoCloseable {

        @Override
        void close();
    }
}
