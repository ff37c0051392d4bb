package io.chatsuite.recordings.interaction.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Periodically completes recordings whose campaign was not yet in the campaign directory when they began. */
@ApplicationScoped
public class CampaignBackfill {

    private static final Logger LOG = Logger.getLogger(CampaignBackfill.class);

    private final RecordingService service;

    public CampaignBackfill(RecordingService service) {
        this.service = service;
    }

    @Scheduled(
            every = "${chat.recordings.backfill-interval}",
            delayed = "${chat.recordings.backfill-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return service.backfillCampaigns()
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("Gave %d recordings the security group of their campaign", n);
                    }
                })
                .onFailure()
                .invoke(e -> LOG.warnf("Campaign backfill failed, will retry: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }
}
