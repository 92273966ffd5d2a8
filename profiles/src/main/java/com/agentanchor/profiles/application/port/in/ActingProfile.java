package com.agentanchor.profiles.application.port.in;

import java.util.Optional;

/**
 * Who the current thread acts for, and whether they are a platform admin. The platform's transaction manager hands
 * both to PostgreSQL as the first statement of every transaction, where row-level security and the definer
 * functions read them. Requests enter it from the verified token; asynchronous listeners enter it from the actor
 * their event carries (never as an admin). With none entered, the database sees an anonymous caller and every
 * policy fails closed.
 */
public final class ActingProfile {

    private static final ThreadLocal<Acting> CURRENT = new ThreadLocal<>();

    private ActingProfile() {
    }

    public static Optional<ProfileId> current() {
        var acting = CURRENT.get();
        return acting == null ? Optional.empty() : Optional.of(acting.profile());
    }

    /** Whether the acting user is a platform admin (from their token: {@code AGENTANCHOR_ADMIN_*}). */
    public static boolean isAdmin() {
        var acting = CURRENT.get();
        return acting != null && acting.admin();
    }

    /** Acts for {@code profile} until the returned scope closes; transactions begun inside carry it. */
    public static Scope enter(ProfileId profile) {
        return swap(new Acting(profile, false));
    }

    /** Acts for {@code profile}, an admin when {@code admin}, until the returned scope closes. */
    public static Scope enter(ProfileId profile, boolean admin) {
        return swap(new Acting(profile, admin));
    }

    /** Acts for nobody until the returned scope closes: only public rows are visible. */
    public static Scope enterAnonymous() {
        return swap(null);
    }

    private static Scope swap(Acting acting) {
        var previous = CURRENT.get();
        set(acting);
        return () -> set(previous);
    }

    private static void set(Acting acting) {
        if (acting == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(acting);
        }
    }

    private record Acting(ProfileId profile, boolean admin) {
    }

    /** Closing restores whoever was acting before. */
    public interface Scope extends AutoCloseable {

        @Override
        void close();
    }
}
