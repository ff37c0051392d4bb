package io.chatsuite.routing.interaction.repository;

import io.chatsuite.routing.interaction.Interaction;
import io.chatsuite.routing.interaction.InteractionState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads of interactions for the REST API; every change goes through the routing engine (engine/InteractionStore). */
@ApplicationScoped
public class InteractionRepository implements PanacheRepositoryBase<Interaction, String> {

    /** The campaign's waiting interactions, first come first. */
    public Uni<List<Interaction>> waiting(String campaignId) {
        return list("campaignId = ?1 and state = ?2", Sort.by("queueSeq"), campaignId, InteractionState.QUEUED);
    }
}
