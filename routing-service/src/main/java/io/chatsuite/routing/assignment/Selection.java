package io.chatsuite.routing.assignment;

import io.chatsuite.events.interaction.AssignmentReason;

/** The agent a strategy chose, and why (published with the assignment). */
public record Selection(String agentId, AssignmentReason reason) {}
