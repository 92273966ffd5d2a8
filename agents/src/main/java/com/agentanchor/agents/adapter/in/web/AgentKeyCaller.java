package com.agentanchor.agents.adapter.in.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.agentanchor.agents.application.port.in.ActingAgent;
import com.agentanchor.agents.application.port.in.AgentId;
import com.agentanchor.agents.application.port.in.AgentKeyVerification;
import com.agentanchor.agents.application.port.in.CallingAgent;
import com.agentanchor.platform.security.AgentKeys;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Agents calling with their own keys: the platform asks here whose a key is, then the request acts for that agent,
 * and controllers get it as a {@link CallingAgent} parameter. Every request looks its key up again, so a revoked
 * key stops working at once, on every instance.
 */
@Component
class AgentKeyCaller implements AgentKeys, WebMvcConfigurer, HandlerMethodArgumentResolver {

    private final AgentKeyVerification keys;

    AgentKeyCaller(AgentKeyVerification keys) {
        this.keys = keys;
        // The calling agent comes from its key, never from the request: no parameter in the API document.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CallingAgent.class);
    }

    @Override
    public Optional<UUID> agentOf(String key) {
        return keys.agentOf(key).map(AgentId::value);
    }

    @Override
    public void actFor(UUID agent, HttpServletRequest request, HttpServletResponse response, FilterChain rest)
            throws IOException, ServletException {
        try (var acting = ActingAgent.enter(new AgentId(agent))) {
            rest.doFilter(request, response);
        }
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CallingAgent.class;
    }

    @Override
    public CallingAgent resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
            NativeWebRequest request, WebDataBinderFactory binders) {
        return ActingAgent.current().map(CallingAgent::new)
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("This endpoint is for agents"));
    }
}
