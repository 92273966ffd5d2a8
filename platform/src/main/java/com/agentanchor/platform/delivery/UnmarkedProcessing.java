package com.agentanchor.platform.delivery;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.stereotype.Component;

/**
 * A publication goes from published (or resubmitted) to completed or failed without being marked "processing" in
 * between. Modulith 2.0 marks it so as its listener starts, in a transaction of its own: an UPDATE and a durable
 * commit for each listener of each event, a third of the event registry's writes and half of its transactions (a
 * registration makes five publications). The retry resubmits what is incomplete after its interval whether it is
 * published or processing, so a first delivery cut off mid-way is delivered again as before. One difference: a
 * retried delivery cut off mid-way now stays "resubmitted" (which the retry does not claim twice) until the staleness
 * settings count it failed, five minutes after its publication by default, where a "processing" mark would have let
 * the next retry take it at once (application.yaml, {@code spring.modulith.events.staleness}). Delivery stays at
 * least once; in that double fault it is later.
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
