package com.agentanchor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AgentAnchorApplication {

    public static void main(String[] args) {
        SpringApplication.run(AgentAnchorApplication.class, args);
    }
}
