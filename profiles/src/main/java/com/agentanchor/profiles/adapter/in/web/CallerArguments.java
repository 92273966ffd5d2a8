package com.agentanchor.profiles.adapter.in.web;

import java.util.List;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.agentanchor.profiles.application.port.in.ProfileId;

/**
 * A controller parameter of type {@link ProfileId}, in any module, is the caller as {@link ActingCaller} found it. It
 * comes from the token, never from the request: the API document leaves it out, or a client generated from it would
 * send a {@code caller} of its choosing.
 */
@Component
class CallerArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    CallerArguments() {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ProfileId.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ProfileId.class && !parameter.hasParameterAnnotations();
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binders) {
        var caller = request.getAttribute(ActingCaller.PROFILE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (caller == null) {
            throw new AuthenticationCredentialsNotFoundException("No authenticated caller");
        }
        return caller;
    }
}
