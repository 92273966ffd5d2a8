package com.agentanchor.platform.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.StringUtils;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.ChangeSetStatus;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;
import liquibase.exception.LiquibaseException;
import liquibase.exception.MigrationFailedException;
import liquibase.integration.spring.SpringLiquibase;
import liquibase.ui.LoggerUIService;
import liquibase.ui.UIServiceEnum;

/**
 * The schema's changelog, applied, inspected and rolled back from the command line exactly as the app applies it on
 * start: through Boot's own {@link SpringLiquibase}, configured from the same {@code spring.liquibase.*} settings
 * (the master changelog, the app role's password as {@code app_password}, the migration URL and its credentials),
 * so that the commands and the app never disagree about what is applied.
 */
public final class Migrations {

    private final LiquibaseProperties settings;
    private final ResourceLoader resources;

    private Migrations(LiquibaseProperties settings, ResourceLoader resources) {
        this.settings = settings;
        this.resources = resources;
    }

    /** The migrations of the database {@code env} names (after the platform chose it: see the README). */
    public static Migrations of(Environment env, ResourceLoader resources) {
        var settings = Binder.get(env).bind("spring.liquibase", LiquibaseProperties.class)
                .orElseGet(LiquibaseProperties::new);
        if (settings.getUrl() == null) {
            throw new IllegalStateException("No migration URL: the platform's database setup did not run");
        }
        return new Migrations(settings, resources);
    }

    /** host:port/database and the migrating user, for messages: never a password. */
    public String target() {
        return DatabaseUrl.parse("the migration URL", settings.getUrl()).location() + " as " + settings.getUser();
    }

    /**
     * Applies every pending changeset, each in its own transaction, as the app does on start.
     *
     * @return what ran, in order (the app role's password is set again on every run)
     * @throws MigrationFailed with Liquibase's reason; the failed changeset left nothing behind, those before it stay
     */
    public List<AppliedChangeSet> migrate() {
        var applied = new ArrayList<AppliedChangeSet>();
        var changelog = new AppChangelog(settings, resources);
        changelog.setDataSource(new DriverManagerDataSource(settings.getUrl(), settings.getUser(),
                settings.getPassword()));
        changelog.setCustomizer(liquibase -> liquibase.setChangeExecListener(new AbstractChangeExecListener() {
            @Override
            public void ran(ChangeSet changeSet, DatabaseChangeLog log, Database database, ChangeSet.ExecType type) {
                if (type == ChangeSet.ExecType.EXECUTED || type == ChangeSet.ExecType.RERAN) {
                    applied.add(new AppliedChangeSet(name(changeSet), type == ChangeSet.ExecType.RERAN));
                }
            }
        }));
        try {
            changelog.afterPropertiesSet();
        } catch (LiquibaseException | RuntimeException e) {
            throw new MigrationFailed(reason(e), e);
        }
        return applied;
    }

    /**
     * The changesets a migration would apply: never run, or changed since they ran ({@code runOnChange} functions).
     * One that runs on every migration (the app role's password) is pending only until it first ran: what it sets
     * is configuration, not schema, and its checksum changes with the password it was given.
     */
    public List<String> pending() {
        return withLiquibase(liquibase -> {
            var pending = new ArrayList<String>();
            for (ChangeSetStatus status : liquibase.getChangeSetStatuses(contexts(), labels(), false)) {
                var changeSet = status.getChangeSet();
                boolean ran = status.getPreviouslyRan();
                boolean unchanged = ran && status.getStoredCheckSum() != null
                        && changeSet.isCheckSumValid(status.getStoredCheckSum());
                if (status.getWillRun() && !(ran && (unchanged || changeSet.isAlwaysRun()))) {
                    pending.add(name(changeSet));
                }
            }
            return pending;
        });
    }

    /**
     * Rolls back the last {@code count} changesets applied, newest first, with each one's own rollback.
     *
     * @return the changesets rolled back, in the order they were undone
     * @throws MigrationFailed with Liquibase's reason (say, a changeset that cannot be undone)
     */
    public List<String> rollback(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        return withLiquibase(liquibase -> {
            var undone = new ArrayList<String>();
            liquibase.setChangeExecListener(new AbstractChangeExecListener() {
                @Override
                public void rolledBack(ChangeSet changeSet, DatabaseChangeLog log, Database database) {
                    undone.add(name(changeSet));
                }
            });
            liquibase.rollback(count, null, contexts(), labels());
            return undone;
        });
    }

    private <T> T withLiquibase(LiquibaseWork<T> work) {
        try (Connection connection = DriverManager.getConnection(settings.getUrl(), settings.getUser(),
                settings.getPassword())) {
            var changelog = new AppChangelog(settings, resources);
            // Liquibase would print its own report on the console; the commands print theirs.
            return Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), () -> {
                try (var liquibase = changelog.open(connection)) {
                    return work.apply(liquibase);
                }
            });
        } catch (MigrationFailed e) {
            throw e;
        } catch (Exception e) {
            throw new MigrationFailed(reason(e), e);
        }
    }

    private Contexts contexts() {
        return new Contexts(StringUtils.collectionToCommaDelimitedString(settings.getContexts()));
    }

    private LabelExpression labels() {
        return new LabelExpression(StringUtils.collectionToCommaDelimitedString(settings.getLabelFilter()));
    }

    /** How Liquibase itself names a changeset, and how it is found in {@code databasechangelog}. */
    private static String name(ChangeSet changeSet) {
        return changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor();
    }

    /** Liquibase's own words: the failed changeset and the database's reason, without the wrapping exceptions. */
    private static String reason(Throwable failure) {
        String first = null;
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MigrationFailedException) {
                return cause.getMessage().strip();
            }
            if (first == null && cause.getMessage() != null
                    && (cause instanceof LiquibaseException || cause instanceof SQLException)) {
                first = cause.getMessage().strip();
            }
        }
        return first != null ? first : String.valueOf(failure);
    }

    /** A changeset a migration ran; {@code again} when it had run before (changed, or run on every migration). */
    public record AppliedChangeSet(String name, boolean again) {
    }

    /** A migration or rollback that did not go through, with Liquibase's reason. */
    public static final class MigrationFailed extends RuntimeException {

        MigrationFailed(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    @FunctionalInterface
    private interface LiquibaseWork<T> {
        T apply(Liquibase liquibase) throws Exception;
    }

    /**
     * Boot's {@code LiquibaseAutoConfiguration} configures its {@link SpringLiquibase} from these settings in the same
     * way; subclassing lets the commands open it instead of only running it.
     */
    private static final class AppChangelog extends SpringLiquibase {

        AppChangelog(LiquibaseProperties settings, ResourceLoader resources) {
            setResourceLoader(resources);
            setChangeLog(settings.getChangeLog());
            setClearCheckSums(settings.isClearChecksums());
            if (settings.getContexts() != null && !settings.getContexts().isEmpty()) {
                setContexts(StringUtils.collectionToCommaDelimitedString(settings.getContexts()));
            }
            if (settings.getLabelFilter() != null && !settings.getLabelFilter().isEmpty()) {
                setLabelFilter(StringUtils.collectionToCommaDelimitedString(settings.getLabelFilter()));
            }
            setDefaultSchema(settings.getDefaultSchema());
            setLiquibaseSchema(settings.getLiquibaseSchema());
            setLiquibaseTablespace(settings.getLiquibaseTablespace());
            setDatabaseChangeLogTable(settings.getDatabaseChangeLogTable());
            setDatabaseChangeLogLockTable(settings.getDatabaseChangeLogLockTable());
            setChangeLogParameters(settings.getParameters());
            setTag(settings.getTag());
            setAnalyticsEnabled(settings.getAnalyticsEnabled());
            if (settings.getShowSummary() != null) {
                setShowSummary(UpdateSummaryEnum.valueOf(settings.getShowSummary().name()));
            }
            if (settings.getShowSummaryOutput() != null) {
                setShowSummaryOutput(UpdateSummaryOutputEnum.valueOf(settings.getShowSummaryOutput().name()));
            }
            setUiService(UIServiceEnum.LOGGER);
            setShouldRun(true); // whatever AGENTANCHOR_DB_MIGRATE_ON_START says: running it is the command's job
        }

        Liquibase open(Connection connection) throws LiquibaseException {
            return createLiquibase(connection);
        }
    }
}
