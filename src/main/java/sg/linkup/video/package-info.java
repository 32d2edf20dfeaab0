/**
 * Video links for {@code VIDEO_AT_SSO} and {@code VIDEO_REMOTE} sessions: booking code injects
 * {@link sg.linkup.video.VideoMeetings} and asks it for a meeting; it never knows which video service answers.
 * The default, {@link sg.linkup.video.JitsiMeetings}, puts an unguessable room on a configured Jitsi Meet and,
 * with an app id and secret, signs the token Jitsi's token authentication checks — the only package that
 * imports Nimbus JOSE+JWT.
 *
 * <p>To add Zoom or Teams, write a class in a new package here (say {@code video.zoom}, the only place that
 * imports the vendor's SDK) that implements {@code VideoMeetings} and is annotated {@code @ApplicationScoped}
 * and {@code @VideoProvider("zoom")}, then set {@code linkup.video.provider=zoom}. The qualifier keeps
 * providers out of plain {@code @Inject VideoMeetings}, which only {@link sg.linkup.video.VideoMeetingsProducer}
 * satisfies: it picks the provider whose name is configured, and a name that no provider carries stops the
 * deployment.
 */
package sg.linkup.video;
