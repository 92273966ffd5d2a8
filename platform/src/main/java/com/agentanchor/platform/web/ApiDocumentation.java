package com.agentanchor.platform.web;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** OpenAPI at {@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}, with bearer auth wired in. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI agentAnchorApi() {
        return new OpenAPI()
                .info(new Info().title("AgentAnchor API").version("v1").description("""
                        The backend that keeps AI agents accountable. Every call under /api needs a bearer JWT. \
                        Locally, get one from POST /dev/token (for example {"sub":"alice","email":"alice@example.com"}), \
                        then press Authorize and paste the access_token. Errors are RFC 9457 problem details."""))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * Errors particular to one operation, beyond those every operation shares, for controllers that do not name
     * them with {@code @ApiResponse} themselves (these win over annotations).
     */
    private static final Map<String, Map<String, String>> OPERATION_PROBLEMS = Map.of(
            "POST /api/council/decisions", Map.of("409", "The request cannot apply to the agent as it is "
                    + "(suspending a suspended agent, reinstating one that is not)"),
            "POST /api/council/decisions/{id}/votes", Map.of(
                    "403", "Not a validator (seated by an admin), or a decision about your own agent",
                    "409", "Decided already, or you have voted on it already"),
            "POST /api/council/decisions/{id}/override", Map.of(
                    "403", "You see the decision (as a validator) but do not own the agent",
                    "409", "Not decided yet, overridden already, or a suspension or reinstatement"),
            "POST /api/council/validators", Map.of("403", "Not a platform admin", "404", "No such profile"),
            "DELETE /api/council/validators/{profileId}", Map.of("403", "Not a platform admin", "404", "Not seated"));

    /**
     * The errors every operation can answer with, as problem details; added here once rather than annotated on
     * every controller, since they come from the platform (validation, security, the error handler).
     */
    @Bean
    OpenApiCustomizer documentedProblems() {
        return api -> {
            api.getComponents().addSchemas("Problem", problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                var responses = operation.getResponses();
                responses.addApiResponse("400", problem("Invalid input; the problem names the field"));
                if (path.startsWith("/api/")) {
                    responses.addApiResponse("401", problem("No bearer token, or one that does not verify"));
                }
                if (path.contains("{")) {
                    responses.addApiResponse("404", problem("No such resource, or none you may see"));
                }
                if (method == PathItem.HttpMethod.PATCH && path.contains("{")) {
                    responses.addApiResponse("403", problem("Visible to you, but not yours to change"));
                }
                OPERATION_PROBLEMS.getOrDefault(method + " " + path, Map.of())
                        .forEach((status, description) -> responses.addApiResponse(status, problem(description)));
                responses.addApiResponse("500", problem("Our fault; nothing was changed"));
            }));
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }

    private static Schema<?> problemSchema() {
        var fieldProblem = new ObjectSchema().properties(Map.of("field", new StringSchema(), "message", new StringSchema()));
        return new ObjectSchema().description("RFC 9457 problem details").properties(Map.of(
                "type", new StringSchema(), "title", new StringSchema(), "status", new IntegerSchema(),
                "detail", new StringSchema(), "instance", new StringSchema(),
                "errors", new ArraySchema().items(fieldProblem)));
    }
}
