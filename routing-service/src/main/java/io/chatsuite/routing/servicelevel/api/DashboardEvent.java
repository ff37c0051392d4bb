package io.chatsuite.routing.servicelevel.api;

/**
 * One event of the dashboard stream: {@code campaign} carries a campaign's dashboard (today) whenever its figures
 * change; {@code heartbeat} (no campaign) keeps idle connections and proxies open.
 */
public record DashboardEvent(String type, CampaignServiceLevelDetail campaign) {

    public static final String CAMPAIGN = "campaign";
    public static final String HEARTBEAT = "heartbeat";

    public static DashboardEvent of(CampaignServiceLevelDetail campaign) {
        return new DashboardEvent(CAMPAIGN, campaign);
    }

    public static DashboardEvent heartbeat() {
        return new DashboardEvent(HEARTBEAT, null);
    }
}
