package com.agentanchor.platform.delivery;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.stereotype.Component;

/**
 * A publication goes from published to completed (or failed) without being marked "processing" in between. Modulith
 * 2.0 marks it so as its listener starts, in a transaction of its own: an UPDATE and a durable commit for each
 * listener of each event, about half of the event registry's writes (a registration publishes to five listeners).
 * Nothing here reads the mark: the retry resubmits what is incomplete after its interval whether it is published or
 * processing, and both count as stale after the same age ({@code spring.modulith.events.staleness}), so a listener
 * cut off mid-way is delivered again exactly as before.
 */
@Component
class UnmarkedProcessing implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof EventPublicationRepository)) {
            return bean;
        }
        var proxy = new ProxyFactory(bean);
        proxy.addInterface(EventPublicationRepository.class);
        proxy.addAdvice((MethodInterceptor) call -> "markProcessing".equals(call.getMethod().getName())
                ? null : call.proceed());
        return proxy.getProxy(getClass().getClassLoader());
    }
}
