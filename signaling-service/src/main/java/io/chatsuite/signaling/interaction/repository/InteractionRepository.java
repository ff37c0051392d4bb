package io.chatsuite.signaling.interaction.repository;

import io.chatsuite.signaling.interaction.Interaction;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class InteractionRepository implements PanacheRepositoryBase<Interaction, String> {}
