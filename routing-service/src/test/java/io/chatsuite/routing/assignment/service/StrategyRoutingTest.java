package io.chatsuite.routing.assignment.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chatsuite.events.EventType;
import io.chatsuite.events.Party;
import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.InteractionAssigned;
import io.chatsuite.routing.Suite;
import io.chatsuite.routing.SuiteTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strategies applied end to end, with their state (rotation, idle times) kept in the database. */
@QuarkusTest
class StrategyRoutingTest extends SuiteTest {

    @Test
    void roundRobinRotatesEvenWhenThePreviousAgentIsFreeAgain() {
        String ann = Suite.id("ann");
        String ben = Suite.id("ben");
        String campaign = available(Strategy.ROUND_ROBIN, List.of(ben, ann));
        assertEquals(List.of(ann, ben, ann), serveOneAfterAnother(campaign, 3));
    }

    @Test
    void longestIdleGivesTheNextChatToWhoeverFinishedLongestAgo() {
        String cai = Suite.id("cai");
        String dua = Suite.id("dua");
        String campaign = available(Strategy.LONGEST_IDLE, List.of(cai, dua));
        List<String> served = serveOneAfterAnother(campaign, 3);
        // Whoever took the first chat finished it last, so the other is idle longer, and so on.
        assertEquals(served.get(0), served.get(2));
        assertEquals(2, served.stream().distinct().count(), served.toString());
    }

    private String available(Strategy strategy, List<String> agents) {
        String campaign = suite.campaign(strategy, agents);
        for (String agent : agents) {
            suite.presence(agent, PresenceStatus.AVAILABLE);
            Suite.awaitStatus(campaign, "sales", agent, PresenceStatus.AVAILABLE);
        }
        return campaign;
    }

    /** Requests and ends chats one at a time; returns who served each. */
    private List<String> serveOneAfterAnother(String campaign, int count) {
        List<String> served = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String interaction = suite.request(campaign);
            InteractionAssigned assigned = suite.event(interaction, 2, EventType.INTERACTION_ASSIGNED);
            served.add(assigned.agentId());
            suite.end(campaign, interaction, Party.CUSTOMER, assigned.agentId());
            suite.event(interaction, 3, EventType.INTERACTION_ENDED);
        }
        return served;
    }
}
