package com.agentanchor.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.agentanchor.AgentAnchorApplication;
import com.tngtech.archunit.core.importer.ImportOption;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;

/**
 * Regenerates docs/ from the code and the live schema: the Modulith module diagrams (PlantUML, rendered to SVG
 * with PlantUML's own layout engine, so no Graphviz is needed) and module canvases, and an ER diagram of the
 * nine tables read from pg_catalog of a freshly migrated PostgreSQL (Mermaid, which GitHub renders in place).
 * Run from the repository root; the README's "Documentation" section has the command.
 */
public final class DocumentationGenerator {

    static final Path DOCS = Path.of("..", "docs");

    public static void main(String[] args) throws Exception {
        var docs = Files.isDirectory(Path.of("docs")) ? Path.of("docs") : DOCS;
        writeModules(docs.resolve("modules"));
        writeSchema(docs.resolve("schema.md"));
        System.out.println("Wrote " + docs.toAbsolutePath().normalize());
    }

    static void writeModules(Path target) throws IOException {
        // The production code only: the test-support jar of shared fixtures is on this classpath too.
        var modules = ApplicationModules.of(AgentAnchorApplication.class,
                location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                        && !location.contains("test-support"));
        var generated = Path.of("target", "modulith-docs-for-docs");
        new Documenter(modules, generated.toString()).writeDocumentation();
        Files.createDirectories(target);
        try (var files = Files.list(generated)) {
            for (var file : files.toList()) {
                var name = file.getFileName().toString();
                Files.copy(file, target.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                if (name.endsWith(".puml")) {
                    var source = Files.readString(file).replaceFirst("@startuml", "@startuml\n!pragma layout smetana");
                    try (var out = Files.newOutputStream(target.resolve(name.replace(".puml", ".svg")))) {
                        new SourceStringReader(source).outputImage(out, new FileFormatOption(FileFormat.SVG));
                    }
                }
            }
        }
    }

    static void writeSchema(Path target) throws Exception {
        try (var postgres = EmbeddedPostgres.builder().start();
                var c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"))) {
            var database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            var liquibase = new Liquibase("db/changelog/db.changelog-master.yaml", new ClassLoaderResourceAccessor(),
                    database);
            liquibase.setChangeLogParameter("app_password", "docs");
            liquibase.update(new Contexts(), new LabelExpression());
            Files.writeString(target, mermaid(c), StandardCharsets.UTF_8);
        }
    }

    static String mermaid(Connection c) throws SQLException {
        var columns = new LinkedHashMap<String, List<String>>();
        query(c, """
                SELECT t.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                       EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = t.oid AND k.contype = 'p'
                                  AND a.attnum = ANY (k.conkey)) AS pk,
                       EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = t.oid AND k.contype = 'f'
                                  AND a.attnum = ANY (k.conkey)) AS fk
                  FROM pg_class t JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
                 WHERE t.relnamespace = 'public'::regnamespace AND t.relkind = 'r'
                   AND t.relname NOT IN ('databasechangelog', 'databasechangeloglock', 'event_publication')
                 ORDER BY t.oid, a.attnum""", row -> columns.computeIfAbsent(row.get(0), k -> new ArrayList<>())
                .add(String.format("        %s %s%s%s", row.get(2).replaceAll("[^A-Za-z0-9_]", "_"), row.get(1),
                        "t".equals(row.get(4)) ? " PK" : "t".equals(row.get(5)) ? " FK" : "",
                        "t".equals(row.get(3)) ? "" : " \"nullable\"")));
        var relations = new ArrayList<String>();
        query(c, """
                SELECT f.relname, t.relname, a.attname, k.confdeltype::text
                  FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_class f ON f.oid = k.confrelid
                  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.conkey[1]
                 WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace ORDER BY t.relname, a.attname""",
                row -> relations.add(String.format("    %s ||--o{ %s : \"%s (on delete %s)\"", row.get(0), row.get(1),
                        row.get(2), Map.of("c", "cascade", "n", "set null", "a", "no action", "r", "restrict")
                                .getOrDefault(row.get(3), row.get(3)))));
        var out = new StringBuilder("""
                # The schema

                Generated from the live schema (pg_catalog of a freshly migrated PostgreSQL) by
                `DocumentationGenerator`; do not edit by hand. Every table has row-level security enabled and forced;
                see the README for who may do what.

                ```mermaid
                erDiagram
                """);
        relations.forEach(r -> out.append(r).append('\n'));
        columns.forEach((table, cols) -> {
            out.append("    ").append(table).append(" {\n");
            cols.forEach(col -> out.append(col).append('\n'));
            out.append("    }\n");
        });
        return out.append("```\n").toString();
    }

    interface Row {
        void accept(List<String> values) throws SQLException;
    }

    static void query(Connection c, String sql, Row row) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                var values = new ArrayList<String>();
                for (int i = 1; i <= n; i++) {
                    values.add(rs.getString(i));
                }
                row.accept(values);
            }
        }
    }
}
