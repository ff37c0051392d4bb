package io.chatsuite.campaigns.campaign.api;

import io.chatsuite.events.campaign.Schedule;
import io.chatsuite.events.campaign.Strategy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an administrator sends to create a campaign. */
@Schema(name = "CampaignRequest", example = """
        {"name":"Sales","securityGroup":"sales","strategy":"LONGEST_IDLE","serviceLevelSeconds":20,
         "defaultLanguage":"es","messages":{"welcome":{"es":"¡Hola! ¿En qué podemos ayudarte?",
         "en":"Hi! How can we help?","pt":"Olá! Como podemos ajudar?"}},
         "agentMembers":["alice"],"allowedOrigins":["http://localhost:8080"]}""")
public record CampaignRequest(
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 120) String securityGroup,
        @NotNull Strategy strategy,
        @NotNull @Min(1) @Max(3600) Integer serviceLevelSeconds,
        @NotNull @Pattern(regexp = "es|en|pt", message = "must be one of es, en, pt") String defaultLanguage,
        Schedule schedule,
        Map<@Pattern(regexp = "welcome|outOfHours|notAvailable|agentAutomatic|offline|comments",
                message = "unknown message kind") String,
                Map<@Pattern(regexp = "es|en|pt", message = "must be one of es, en, pt") String,
                        @Size(max = 2000) String>> messages,
        List<@NotBlank String> agentMembers,
        List<@Pattern(regexp = "https?://[^/\\s]+", message = "must be an origin like https://www.example.com")
                String> allowedOrigins) {
}
