package com.agentanchor.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.CorsFilter;

import com.agentanchor.platform.web.ProblemResponses;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

/** Tokens arrive over HTTP only: an application without a web server (the database commands) verifies none. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(AuthProperties.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtDecoder jwtDecoder, ProblemResponses problems,
            ObjectProvider<Caller> callers, ObjectProvider<AgentKeys> agentKeys,
            @Value("${agentanchor.web.allowed-origins:}") List<String> origins) throws Exception {
        var entryPoint = new ProblemAuthenticationEntryPoint(problems);
        callers.ifAvailable(caller -> http.addFilterAfter(new CallerFilter(caller),
                BearerTokenAuthenticationFilter.class));
        agentKeys.ifAvailable(keys -> http.addFilterBefore(new AgentKeyFilter(keys, entryPoint),
                BearerTokenAuthenticationFilter.class));
        return http
                .csrf(csrf -> csrf.disable()) // bearer tokens only: no cookies to forge requests with
                .addFilterAt(BrowserOrigins.filter(origins, problems), CorsFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        // A long poll's answer is written in an async dispatch of a request authorized already.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/dev/token").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/realtime/config").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/realtime/webhooks").permitAll() // signed by Pusher
                        // Public verification: a third party must be able to check the truth chain without an account.
                        .requestMatchers(HttpMethod.GET, "/api/truth-chain/**").permitAll()
                        // The catalogue is a shop window: anyone browses active listings without an account.
                        .requestMatchers(HttpMethod.GET, "/api/marketplace/listings", "/api/marketplace/listings/*")
                        .permitAll()
                        // A storefront is a shop window too; /api/profiles/me still needs its caller (401 without).
                        .requestMatchers(HttpMethod.GET, "/api/profiles/*", "/api/academy/curricula").permitAll()
                        .requestMatchers("/error").permitAll()
                        // What agents call with their own keys; users' endpoints are for users only.
                        .requestMatchers("/api/runtime/**", "/v1/traces").hasRole(AgentAuthentication.ROLE)
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/demo/**", "/vendor/**", "/favicon.ico")
                        .permitAll()
                        .anyRequest().hasRole(USER))
                .oauth2ResourceServer(o -> o.bearerTokenResolver(SecurityConfiguration::jwtOnly)
                        .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(SecurityConfiguration::asUser))
                        .authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((request, response, denied) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "Forbidden", denied.getMessage())))
                .build();
    }

    /**
     * Spring Security's strict firewall, its text checks without regular expressions ({@link FirewallText}); the
     * filter chain takes it, like the handler below, from the context.
     */
    @Bean
    static HttpFirewall firewall() {
        return FirewallText.firewall();
    }

    /**
     * A request the firewall refuses (a path with an encoded dot, slash or semicolon, a control character in a header)
     * is a client's mistake like any other: a 400 in problem details, not an exception for the container to report.
     */
    @Bean
    RequestRejectedHandler problemOnRejectedRequest(ProblemResponses problems) {
        return (request, response, rejected) -> problems.write(request, response, HttpStatus.BAD_REQUEST, "Bad Request",
                "The request is not accepted: an encoded dot, slash or semicolon in its path, or a control character in "
                        + "its path, a header or a parameter");
    }

    /**
     * Spring Security otherwise wraps every filter of the chain (fifteen of them here) in an observation of its own,
     * each a timer with its tags looked up per request: most of the time an endpoint that touches nothing spent
     * (issue 13). Nor is each authorization decision or authentication observed: a timer each per request that says
     * no more than {@code http.server.requests} already does (a refusal is its 401 or 403, by URI); the decision's was
     * about a twentieth of what the liveness probe cost, the authentication's 4.6 % of a page of agents. The request
     * as a whole is still observed (and a span when a tracer is configured); failed authentications are counted below.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * A bearer token is authenticated on every request, and nothing listens for the success: one event per request
     * through the application's event multicaster (the event publication registry's among them) was about 1 % of
     * what a list request cost (issue 13). A failure is published and counted in
     * {@code agentanchor.authentication.failures}, by the failure's kind (a handful of exception types).
     */
    @Bean
    AuthenticationEventPublisher failedAuthentications(ApplicationEventPublisher events, MeterRegistry meters) {
        var failures = new DefaultAuthenticationEventPublisher(events);
        return new AuthenticationEventPublisher() {
            @Override
            public void publishAuthenticationSuccess(Authentication authentication) {
            }

            @Override
            public void publishAuthenticationFailure(AuthenticationException failure, Authentication authentication) {
                Counter.builder("agentanchor.authentication.failures")
                        .description("Bearer tokens refused (a JWT that does not verify or has expired, …)")
                        .tag("reason", failure.getClass().getSimpleName()).register(meters).increment();
                failures.publishAuthenticationFailure(failure, authentication);
            }
        };
    }

    private static final String USER = "USER";
    private static final DefaultBearerTokenResolver BEARER = new DefaultBearerTokenResolver();
    private static final JwtGrantedAuthoritiesConverter SCOPES = new JwtGrantedAuthoritiesConverter();

    /**
     * Agent keys are bearer tokens too, but {@link AgentKeyFilter}'s: the JWT filter leaves them alone. One in its
     * exact form was authenticated (or refused) already, and is not matched against the token pattern again.
     */
    private static String jwtOnly(HttpServletRequest request) {
        if (AgentKeyFilter.carriesKey(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            return null;
        }
        var token = BEARER.resolve(request);
        return token == null || token.startsWith(AgentKeys.PREFIX) ? null : token;
    }

    /** A verified JWT speaks for a user: role USER, beside the token's scopes. */
    private static AbstractAuthenticationToken asUser(Jwt jwt) {
        var authorities = new ArrayList<GrantedAuthority>(SCOPES.convert(jwt));
        authorities.add(new SimpleGrantedAuthority("ROLE_" + USER));
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    @Bean
    @Conditional(LocalAuth.class)
    LocalTokens localTokens(Clock clock) {
        return new LocalTokens(clock);
    }

    @Bean
    JwtDecoder jwtDecoder(AuthProperties auth, ObjectProvider<LocalTokens> local, Clock clock) {
        NimbusJwtDecoder decoder;
        String issuer = AuthProperties.blank(auth.issuer()) ? auth.issuerUri() : auth.issuer();
        if (auth.local()) {
            decoder = local.getObject().decoder();
            issuer = LocalTokens.ISSUER;
        } else if (!AuthProperties.blank(auth.hs256Secret())) {
            var key = new SecretKeySpec(auth.hs256Secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        } else if (!AuthProperties.blank(auth.jwkSetUri())) {
            decoder = NimbusJwtDecoder.withJwkSetUri(auth.jwkSetUri())
                    .jwtProcessorCustomizer(StandardSignatures::accept).build();
        } else {
            decoder = NimbusJwtDecoder.withIssuerLocation(auth.issuerUri())
                    .jwtProcessorCustomizer(StandardSignatures::accept).build();
        }
        var validators = new ArrayList<OAuth2TokenValidator<Jwt>>();
        validators.add(AuthProperties.blank(issuer) ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithIssuer(issuer));
        validators.add(new CallerClaims());
        if (!AuthProperties.blank(auth.audience())) {
            validators.add(new JwtClaimValidator<List<String>>("aud",
                    aud -> aud != null && aud.contains(auth.audience())));
        }
        var validator = new DelegatingOAuth2TokenValidator<>(validators);
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, clock);
    }
}
