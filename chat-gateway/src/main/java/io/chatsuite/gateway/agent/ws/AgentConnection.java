package io.chatsuite.gateway.agent.ws;

import io.chatsuite.gateway.live.Link;

/** The agent behind one console connection. */
record AgentConnection(String agentId, String name, Link link) {}
