package com.agentanchor.realtime;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import com.agentanchor.pusher.LocalPusherConfig;
import com.agentanchor.pusher.LocalPusherServer;
import com.pusher.rest.Pusher;


@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RealtimeProperties.class)
class RealtimeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RealtimeConfiguration.class);
    static final String LOCAL_APP_ID = "agentanchor-local";
    static final String LOCAL_KEY = "agentanchor-local-key";

    /** The local default: the Pusher protocol served by the app itself, with a secret nobody else knows. */
    @Bean(destroyMethod = "close")
    @Conditional(LocalRealtime.class)
    LocalPusherServer localPusherServer(RealtimeProperties properties) {
        var secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        var server = LocalPusherServer.start(LocalPusherConfig.builder().appId(LOCAL_APP_ID).key(LOCAL_KEY)
                .secret(HexFormat.of().formatHex(secret)).host("localhost").wsPort(properties.wsPort())
                .httpPort(properties.httpPort())
                // No story event comes from a browser: without this anyone who may watch an agent's channel
                // could send its owner messages that look like ours.
                .clientEventsPerSecond(0).build());
        log.info("Realtime: no Pusher credentials, serving the Pusher protocol at ws://localhost:{}/app/{} "
                + "(one instance only; several instances need Pusher or a Pusher-compatible server)",
                server.wsPort(), LOCAL_KEY);
        return server;
    }

    /**
     * Pusher's own client: it sends events to Pusher or a Pusher-compatible server, and signs channel subscriptions
     * for every server. Events for the built-in server need no HTTP: it runs in this JVM and takes them by a call.
     */
    @Bean(destroyMethod = "close")
    Pusher pusher(RealtimeProperties properties, ObjectProvider<LocalPusherServer> local) {
        var server = local.getIfAvailable();
        Pusher pusher;
        if (server != null) {
            pusher = new Pusher(server.config().appId(), server.config().key(), server.config().secret());
            pusher.setHost(server.host() + ":" + server.httpPort());
            pusher.setEncrypted(false);
        } else {
            pusher = new Pusher(properties.appId(), properties.key(), properties.secret());
            if (!RealtimeProperties.blank(properties.host())) {
                pusher.setHost(properties.host());
            } else if (!RealtimeProperties.blank(properties.cluster())) {
                pusher.setCluster(properties.cluster());
            }
            pusher.setEncrypted(properties.encrypted());
        }
        // The library's default pool allows two connections per host: a third concurrent event would wait 4 s.
        var connections = new PoolingHttpClientConnectionManager();
        connections.setDefaultMaxPerRoute(16);
        connections.setMaxTotal(32);
        pusher.configureHttpClient(Pusher.defaultHttpClientBuilder().setConnectionManager(connections));
        return pusher;
    }
}
