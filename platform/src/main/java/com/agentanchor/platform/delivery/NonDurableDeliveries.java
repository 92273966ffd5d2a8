package com.agentanchor.platform.delivery;

import java.time.Instant;
import java.util.List;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;

/**
 * Keeps no row for a delivery to a listener whose bean says its deliveries are not durable ({@link DurableDeliveries}):
 * neither the insert in the event's transaction nor the deletion once the listener returns. The registry still tracks
 * the publication in memory and invokes its listener as for any other. A failure is marked on a row that does not
 * exist, which changes nothing, so the retry never sees the delivery.
 * <p>
 * The registry names a listener by its method ({@code class.method(parameter types)}), so a bean's listeners are those
 * named after its class. Applied after the other advice on the registry's repository, so its proxy is the outermost
 * and the calls it answers reach none of them (the grouped completions would queue a deletion of nothing).
 */
@Component
class NonDurableDeliveries extends RegistryRepositoryAdvice {

    private final ObjectProvider<DurableDeliveries> beans;
    /** The class name prefixes of the listeners whose deliveries are not kept; read on the first write. */
    private volatile List<String> notKept;

    NonDurableDeliveries(ObjectProvider<DurableDeliveries> beans) {
        this.beans = beans;
    }

    @Override
    public Object invoke(MethodInvocation call) throws Throwable {
        var method = call.getMethod().getName();
        var arguments = call.getArguments();
        if (arguments.length > 0 && arguments[0] instanceof TargetEventPublication publication
                && notKept(publication)) {
            if (method.equals("create")) {
                return publication;
            }
            if (method.equals("markCompleted")) {
                publication.markCompleted((Instant) arguments[1]);
                return null;
            }
        }
        return call.proceed();
    }

    private boolean notKept(TargetEventPublication publication) {
        var prefixes = notKept;
        if (prefixes == null) {
            prefixes = beans.orderedStream().filter(bean -> !bean.durable())
                    .map(bean -> AopProxyUtils.ultimateTargetClass(bean).getName() + ".")
                    .toList();
            notKept = prefixes;
        }
        var listener = publication.getTargetIdentifier().getValue();
        for (var prefix : prefixes) {
            if (listener.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return 1;
    }
}
