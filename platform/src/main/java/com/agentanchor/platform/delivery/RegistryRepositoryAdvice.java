package com.agentanchor.platform.delivery;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.modulith.events.core.EventPublicationRepository;

/**
 * A change to what Modulith's event publication registry writes, made around the calls to its repository: the
 * registry itself is not meant to be replaced, its repository is the one place all of its writes pass. Each advice
 * wraps the repository as the others left it, in the order of {@link #getOrder()}: the last is the outermost.
 */
abstract class RegistryRepositoryAdvice implements BeanPostProcessor, MethodInterceptor, Ordered {

    @Override
    public final Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof EventPublicationRepository)) {
            return bean;
        }
        var proxy = new ProxyFactory(bean);
        proxy.addInterface(EventPublicationRepository.class);
        proxy.addAdvice(this);
        return proxy.getProxy(getClass().getClassLoader());
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
