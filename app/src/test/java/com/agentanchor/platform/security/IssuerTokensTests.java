package com.agentanchor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.context.request.RequestContextHolder;

import com.agentanchor.support.ChainApp;
import com.agentanchor.support.FreshDatabase;
import com.agentanchor.support.IntegrationTest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * The app configured as in production against an issuer's JWK set (served over HTTP by this test): tokens signed
 * with RS256, ES256 (Supabase's current keys) and EdDSA (Ed25519) are accepted by each key's own algorithm, and every
 * forgery a hostile client tries is a 401 problem, refused before the request takes a database connection.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IssuerTokensTests {

    static final String ISSUER = "https://issuer.example.test/";
    static final String AUDIENCE = "authenticated";

    @Autowired
    Environment env;

    HttpServer jwks;
    FreshDatabase db;
    ChainApp app;
    JWK rsa;
    JWK ec;
    JWK ed;

    @BeforeAll
    void anIssuerAndAnAppThatTrustsIt() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec").generate();
        ed = new OctetKeyPairGenerator(Curve.Ed25519).keyID("ed").generate();
        var published = new JWKSet(List.of(rsa, ec, ed)).toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, published.length);
            exchange.getResponseBody().write(published);
            exchange.close();
        });
        jwks.start();
        db = FreshDatabase.create(env, "issuer");
        app = ChainApp.start(env, db,
                "agentanchor.auth.jwk-set-uri=http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json",
                "agentanchor.auth.issuer=" + ISSUER, "agentanchor.auth.audience=" + AUDIENCE,
                "spring.main.sources=" + RequestConnections.class.getName());
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
        db.close();
        jwks.stop(0);
    }

    @Test
    void tokensSignedWithRsaEcdsaOrEd25519KeysOfTheSetAreAccepted() throws Exception {
        var signed = Map.of("RS256", sign(JWSAlgorithm.RS256, rsa, new RSASSASigner(rsa.toRSAKey()), claims()),
                "ES256", sign(JWSAlgorithm.ES256, ec, new ECDSASigner(ec.toECKey()), claims()),
                "EdDSA", sign(JWSAlgorithm.EdDSA, ed, new Ed25519Signer(ed.toOctetKeyPair()), claims()));
        signed.forEach((alg, token) -> {
            var me = app.api().get("/api/profiles/me", token);
            assertThat(me.status()).as("%s: %s", alg, me).isEqualTo(200);
        });
    }

    @Test
    void everyForgeryIsA401ThatProvisionsNobody() throws Exception {
        var now = Instant.now();
        var other = new RSAKeyGenerator(2048).keyID("rsa").generate();
        var publicBytes = rsa.toRSAKey().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        var attacks = Map.of(
                "alg none", unsigned(claims()),
                "HS256 keyed with the public key", sign(JWSAlgorithm.HS256, rsa, new MACSigner(publicBytes), claims()),
                "wrong key, same kid", sign(JWSAlgorithm.RS256, rsa, new RSASSASigner(other.toRSAKey()), claims()),
                "expired", sign(JWSAlgorithm.ES256, ec, new ECDSASigner(ec.toECKey()), claims(b -> b
                        .expirationTime(Date.from(now.minusSeconds(3600))))),
                "not yet valid", sign(JWSAlgorithm.ES256, ec, new ECDSASigner(ec.toECKey()), claims(b -> b
                        .notBeforeTime(Date.from(now.plusSeconds(3600))))),
                "wrong issuer", sign(JWSAlgorithm.ES256, ec, new ECDSASigner(ec.toECKey()), claims(b -> b
                        .issuer("https://attacker.example.test/"))),
                "wrong audience", sign(JWSAlgorithm.ES256, ec, new ECDSASigner(ec.toECKey()), claims(b -> b
                        .audience("someone-else"))),
                "missing sub", sign(JWSAlgorithm.ES256, ec, new ECDSASigner(ec.toECKey()), claims(b -> b
                        .subject(null))),
                "garbage", "not.a.token",
                "a 100 KB header", Base64.getUrlEncoder().withoutPadding().encodeToString(
                        ("{\"alg\":\"RS256\",\"x\":\"" + "a".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8))
                        + ".e30.c2ln");
        var before = profiles();

        attacks.forEach((name, token) -> {
            int taken = RequestConnections.TAKEN.get();
            var response = app.api().get("/api/profiles/me", token);
            assertThat(response.status()).as(name).isEqualTo(401);
            assertThat(response.isProblem()).as(name).isTrue();
            assertThat(RequestConnections.TAKEN.get()).as(name + ": refused before any database access")
                    .isEqualTo(taken);
        });

        assertThat(profiles()).as("nobody provisioned").isEqualTo(before);
        // The count sees what it should: a genuine token's request does reach the database.
        int taken = RequestConnections.TAKEN.get();
        assertThat(app.api().get("/api/profiles/me", sign(JWSAlgorithm.ES256, ec, new ECDSASigner(ec.toECKey()),
                claims())).status()).isEqualTo(200);
        assertThat(RequestConnections.TAKEN.get()).isGreaterThan(taken);
    }

    /**
     * Counts the connections taken on behalf of an HTTP request (while the request's attributes are bound to the
     * thread, which happens before the security filters run), not those of the app's background work.
     */
    @Configuration(proxyBeanMethods = false)
    static class RequestConnections {

        static final AtomicInteger TAKEN = new AtomicInteger();

        @Bean
        static BeanPostProcessor countConnectionsOfRequests() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource dataSource)) {
                        return bean;
                    }
                    return Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] { DataSource.class },
                            (proxy, method, args) -> {
                                if (method.getName().equals("getConnection")
                                        && RequestContextHolder.getRequestAttributes() != null) {
                                    TAKEN.incrementAndGet();
                                }
                                try {
                                    return method.invoke(dataSource, args);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                }
            };
        }
    }

    private long profiles() throws Exception {
        try (var owner = db.owner(); var st = owner.createStatement();
                var rs = st.executeQuery("SELECT count(*) FROM profiles")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static JWTClaimsSet claims() {
        return claims(b -> { });
    }

    private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> change) {
        var now = Instant.now();
        var subject = "user-" + UUID.randomUUID();
        var builder = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .claim("email", subject + "@example.test").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
        change.accept(builder);
        return builder.build();
    }

    private static String sign(JWSAlgorithm alg, JWK key, JWSSigner signer, JWTClaimsSet claims) throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String unsigned(JWTClaimsSet claims) {
        var encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }
}
