package com.agentanchor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AgentAnchorApplication {

    /** The app; or, with {@code db …} as arguments, a database command that does its job and exits (README). */
    public static void main(String[] args) {
        if (DatabaseCommand.isFor(args)) {
            System.exit(DatabaseCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(AgentAnchorApplication.class, args);
    }
}
