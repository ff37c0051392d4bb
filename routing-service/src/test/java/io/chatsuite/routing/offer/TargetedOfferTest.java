package io.chatsuite.routing.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chatsuite.events.EventType;
import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.InteractionAssigned;
import io.chatsuite.events.interaction.InteractionOffered;
import io.chatsuite.routing.Suite;
import io.chatsuite.routing.SuiteTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With auto-accept off, the chosen agent is offered the chat; a decline or a timeout moves it to the next. */
@QuarkusTest
@TestProfile(TargetedOfferTest.AutoAcceptOff.class)
class TargetedOfferTest extends SuiteTest {

    /** Offers instead of direct assignment. */
    public static class AutoAcceptOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chat.routing.auto-accept", "false");
        }
    }

    @Test
    void aDeclinedOfferGoesToTheNextAgentAndAnUnansweredOneToTheNextAfterTheTimeout() {
        String jon = Suite.id("jon");
        String kim = Suite.id("kim");
        String leo = Suite.id("leo");
        // Available in this order: jon has been idle longest, then kim, then leo.
        String campaign = suite.campaign(Strategy.LONGEST_IDLE, List.of(jon, kim, leo));
        for (String agent : List.of(jon, kim, leo)) {
            suite.presence(agent, PresenceStatus.AVAILABLE);
            Suite.awaitStatus(campaign, "sales", agent, PresenceStatus.AVAILABLE);
        }
        String interaction = suite.request(campaign);
        InteractionOffered first = suite.first(interaction, EventType.INTERACTION_OFFERED);
        assertEquals(List.of(jon), first.agentIds());
        assertEquals(Strategy.LONGEST_IDLE, first.strategy());

        suite.decline(campaign, interaction, jon);
        assertEquals(
                List.of(kim),
                suite.<InteractionOffered>nth(interaction, EventType.INTERACTION_OFFERED, 2)
                        .agentIds());
        // kim does not answer: after the 3 s timeout it goes to leo.
        InteractionOffered third = suite.nth(interaction, EventType.INTERACTION_OFFERED, 3);
        assertEquals(List.of(leo), third.agentIds());

        suite.accept(campaign, interaction, kim); // too late: kim's offer expired
        suite.accept(campaign, interaction, leo);
        InteractionAssigned assigned = suite.first(interaction, EventType.INTERACTION_ASSIGNED);
        assertEquals(leo, assigned.agentId());
        assertEquals(Strategy.LONGEST_IDLE, assigned.reason().strategy());
        // jon declined and kim let it expire: leo was the only candidate left when it was offered.
        assertEquals(
                List.of(leo),
                assigned.reason().candidates().stream().map(c -> c.agentId()).toList());
        suite.assertAssignedOnce(interaction);
    }

    @Test
    void whileAnAgentHasAnOfferTheNextCustomerIsOfferedToSomeoneElse() {
        String max = Suite.id("max");
        String ned = Suite.id("ned");
        String campaign = suite.campaign(Strategy.ROUND_ROBIN, List.of(max, ned));
        for (String agent : List.of(max, ned)) {
            suite.presence(agent, PresenceStatus.AVAILABLE);
            Suite.awaitStatus(campaign, "sales", agent, PresenceStatus.AVAILABLE);
        }
        String first = suite.request(campaign);
        String second = suite.request(campaign);
        String third = suite.request(campaign);
        List<String> offeredTo = List.of(
                suite.<InteractionOffered>first(first, EventType.INTERACTION_OFFERED)
                        .agentIds()
                        .get(0),
                suite.<InteractionOffered>first(second, EventType.INTERACTION_OFFERED)
                        .agentIds()
                        .get(0));
        assertEquals(
                List.of(max, ned).stream().sorted().toList(),
                offeredTo.stream().sorted().toList());
        suite.accept(campaign, second, offeredTo.get(1));
        assertEquals(
                offeredTo.get(1),
                suite.<InteractionAssigned>first(second, EventType.INTERACTION_ASSIGNED)
                        .agentId());
        // Both agents are taken (one by an offer, one by a chat): the third waits without an offer.
        Suite.sleep(1000);
        assertEquals(List.of(), suite.all(third, EventType.INTERACTION_OFFERED));
    }
}
