/**
 * The local engine: runs a spec's supporting services as Docker containers, as the pgEdge Control
 * Plane runs them on Swarm.
 *
 * <h2>Parts</h2>
 * <ul>
 *   <li>{@link trellis.engine.local.LocalEngine}: the façade ({@code ControlPlane}); validates
 *       requests, keeps one operation per database, owns the threads ({@code EngineThreads}: a
 *       worker pool for tasks, one clock for the monitor) and hands them to the parts.</li>
 *   <li>{@code DockerDetection}: finds this machine's engine; says whether there is none, the
 *       socket refuses this user (permission denied), or the engine does not answer.</li>
 *   <li>{@code DockerHosts}: the engines host ids run on (default + bound endpoints, one client
 *       per endpoint), their status, bindings kept in the store.</li>
 *   <li>{@code ContainerWatcher}: each engine's events stream and the periodic sweep; asks
 *       {@code InstanceView} to look at a database again.</li>
 *   <li>{@code InstanceView}: lists a database's containers, turns them into observations, moves
 *       the {@code LifecycleMonitor} (records over the pure
 *       {@link trellis.topology.LifecycleRules}) and reports the API's instances.</li>
 *   <li>{@code Reconciler}: applies a spec (create, replace, remove containers; adopts them after
 *       a restart); each instance is an {@link trellis.engine.local.InstancePlan}: its files and its
 *       container ({@link trellis.engine.local.ContainerPlan}) as plain data, a {@code ServiceRuntime}'s
 *       recipe ({@code PostgrestRuntime}, {@code McpRuntime}, {@code RagRuntime}, {@code GenericRuntime})
 *       over what every instance gets, connected by the Control Plane's rules
 *       ({@code ServiceConnection}); the images the engines lack are pulled first ({@code ImagePuller}:
 *       progress to the task log and {@link trellis.engine.PullProgress} listeners, a failed pull
 *       said in words by {@code PullFailure}, and then nothing is created), the files are written
 *       through {@code InstanceFiles}, then the container is created from the plan.</li>
 *   <li>{@link trellis.engine.local.Render}: {@code trellis render}: the same plans written to a
 *       folder (files and container.json), without Docker.</li>
 *   <li>{@link trellis.engine.local.nodes}: database nodes: started (embedded or container),
 *       attached, provisioned ({@code NodeProvisioner}), PostgREST's grants
 *       ({@code ServiceGrants}, {@code PostgrestGrants}).</li>
 *   <li>{@code TaskJournal}: tasks, task logs and lifecycle events, written through to the
 *       {@link trellis.engine.local.StateStore} (a SQLite file, or in memory).</li>
 * </ul>
 *
 * <h2>Arrows</h2>
 * <pre>
 * LocalEngine ──▶ TaskJournal ──▶ StateStore
 *     │  ├──▶ Reconciler ──▶ InstancePlan ──▶ ServiceRuntime (per type), ServiceConnection
 *     │  │        ├──▶ ImagePuller ──▶ PullFailure (pulls before anything is created)
 *     │  │        ├──▶ InstanceFiles (writes the plan's files)
 *     │  │        ├──▶ nodes.Nodes / nodes.ServiceGrants ──▶ StateStore
 *     │  │        └──▶ DockerHosts, LifecycleMonitor
 *     │  ├──▶ InstanceView ──▶ DockerHosts, LifecycleMonitor ──▶ topology.LifecycleRules
 *     │  └──▶ ContainerWatcher ──(refresh)──▶ InstanceView
 *     └──▶ EngineThreads (passed to ContainerWatcher, Reconciler)
 * Render ──▶ InstancePlan, InstanceFiles   (trellis render: no Docker)
 * LifecycleMonitor ──(transitions)──▶ LocalEngine ──▶ TaskJournal, listeners
 * </pre>
 */
package trellis.engine.local;
