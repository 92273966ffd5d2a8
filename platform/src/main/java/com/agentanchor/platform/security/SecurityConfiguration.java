package com.agentanchor.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

import com.agentanchor.platform.web.ProblemResponses;

/** Tokens arrive over HTTP only: an application without a web server (the database commands) verifies none. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(AuthProperties.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtDecoder jwtDecoder, ProblemResponses problems,
            ObjectProvider<Caller> callers) throws Exception {
        var entryPoint = new ProblemAuthenticationEntryPoint(problems);
        callers.ifAvailable(caller -> http.addFilterAfter(new CallerFilter(caller),
                BearerTokenAuthenticationFilter.class));
        return http
                .csrf(csrf -> csrf.disable()) // bearer tokens only: no cookies to forge requests with
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
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
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/demo/**", "/vendor/**", "/favicon.ico")
                        .permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.jwt(jwt -> jwt.decoder(jwtDecoder)).authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((request, response, denied) -> problems.write(response,
                                HttpStatus.FORBIDDEN, "Forbidden", denied.getMessage())))
                .build();
    }

    @Bean
    @Conditional(LocalAuth.class)
    LocalTokens localTokens(Clock clock) {
        return new LocalTokens(clock);
    }

    @Bean
    JwtDecoder jwtDecoder(AuthProperties auth, ObjectProvider<LocalTokens> local) {
        NimbusJwtDecoder decoder;
        String issuer = auth.issuerUri();
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
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }
}
