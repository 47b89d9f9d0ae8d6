using Sourcing.Analyzer.Lifecycle;

namespace Sourcing.Analyzer.Planning;

/// <summary>
/// Resolves a scenario against the systems: applies the gate to every move, spreads rule moves
/// over their waves, and sums the moved systems into groups for the forecast loop.
/// </summary>
public static class PlanCompiler
{
    public const string HandOrigin = "hand";
    public const string DerivedClusterName = "Härlett kluster (värdar saknas i inventariet)";
    public const string PhysicalClusterName = "Fysiska servrar";

    public static CompiledPlan Compile(Scenario scenario, IEnumerable<PlanningSystem> systems, CloudPriceTable? fallbackPrices = null)
    {
        ArgumentNullException.ThrowIfNull(systems);
        return Compile(scenario, Estate.Of(systems), fallbackPrices);
    }

    public static CompiledPlan Compile(Scenario scenario, Estate estate, CloudPriceTable? fallbackPrices = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(estate);
        var issues = new List<PlanIssue>();
        Validate(scenario, issues);

        // Id order everywhere: the input order (database, file) must not change the numbers.
        var sorted = estate.Systems.OrderBy(s => s.Id).ToList();
        var byId = new Dictionary<long, PlanningSystem>();
        foreach (var system in sorted)
        {
            if (!byId.TryAdd(system.Id, system))
            {
                issues.Add(new(PlanIssueKind.Error, $"System-id {system.Id} förekommer två gånger.", system.Id, system.Name));
            }
        }

        var assigned = new Dictionary<long, PlannedMove?>();
        ApplyHandMoves(scenario, byId, assigned, issues);
        ApplyRules(scenario, sorted, assigned, issues);

        var moves = new List<PlannedMove>();
        foreach (var move in assigned.Values)
        {
            if (move is null)
            {
                continue;
            }

            if (move.Wave.Year > scenario.EndYear)
            {
                issues.Add(new(PlanIssueKind.Warning, $"{move.SystemName} flyttas {move.Wave}, efter horisonten ({scenario.EndYear}); flytten räknas inte.",
                    move.SystemId, move.SystemName, move.Destination, Origin: move.Origin));
                continue;
            }

            if (move.Wave.Year < scenario.StartYear)
            {
                continue; // reported by Validate/ApplyHandMoves as an error
            }

            moves.Add(move);
        }

        moves.Sort((a, b) =>
        {
            var byYear = a.Wave.Year.CompareTo(b.Wave.Year);
            if (byYear != 0)
            {
                return byYear;
            }

            var byQuarter = (a.Wave.Quarter ?? 1).CompareTo(b.Wave.Quarter ?? 1);
            return byQuarter != 0 ? byQuarter : a.SystemId.CompareTo(b.SystemId);
        });

        var prices = scenario.CloudPrices ?? fallbackPrices ?? CloudPriceTable.Default;
        return Aggregate(scenario, estate, prices, sorted, byId, moves, issues);
    }

    private static void Validate(Scenario scenario, List<PlanIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(scenario.Name))
        {
            issues.Add(new(PlanIssueKind.Error, "Scenariot saknar namn."));
        }

        if (scenario.HorizonYears is < Scenario.MinHorizon or > Scenario.MaxHorizon)
        {
            issues.Add(new(PlanIssueKind.Error, $"Horisonten måste vara {Scenario.MinHorizon}–{Scenario.MaxHorizon} år (är {scenario.HorizonYears})."));
        }

        foreach (var (key, value) in scenario.Parameters.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (PlanningDefaults.Problem(key, value) is { } problem)
            {
                issues.Add(new(PlanIssueKind.Error, problem));
            }
        }

        foreach (var rule in scenario.Rules)
        {
            if (rule.Waves.Count == 0)
            {
                issues.Add(new(PlanIssueKind.Error, $"Regeln \"{rule.Name}\" saknar våg.", Origin: rule.Name));
            }

            foreach (var wave in rule.Waves)
            {
                ValidateWave(scenario, wave, rule.Name, issues);
            }
        }

        if (scenario.People.TargetRoles.Any(r => r.Share < 0) || (scenario.People.TargetRoles.Count > 0 && scenario.People.TargetRoles.Sum(r => r.Share) <= 0))
        {
            issues.Add(new(PlanIssueKind.Error, "Målrollernas andelar måste vara positiva."));
        }
    }

    private static void ValidateWave(Scenario scenario, Wave wave, string origin, List<PlanIssue> issues)
    {
        if (wave.Year < scenario.StartYear)
        {
            issues.Add(new(PlanIssueKind.Error, $"Vågen {wave} ligger före startåret {scenario.StartYear}.", Origin: origin));
        }

        if (wave.Quarter is < 1 or > 4)
        {
            issues.Add(new(PlanIssueKind.Error, $"Kvartal måste vara 1–4 (är {wave.Quarter}).", Origin: origin));
        }
    }

    private static void ApplyHandMoves(Scenario scenario, Dictionary<long, PlanningSystem> byId, Dictionary<long, PlannedMove?> assigned, List<PlanIssue> issues)
    {
        foreach (var hand in scenario.HandMoves)
        {
            if (!byId.TryGetValue(hand.SystemId, out var system))
            {
                issues.Add(new(PlanIssueKind.Error, $"Handflytten gäller system-id {hand.SystemId}, som inte finns.", hand.SystemId, Origin: HandOrigin));
                continue;
            }

            if (assigned.ContainsKey(system.Id))
            {
                issues.Add(new(PlanIssueKind.Error, $"{system.Name} har flera handflyttar; bara den första gäller.", system.Id, system.Name, Origin: HandOrigin));
                continue;
            }

            ValidateWave(scenario, hand.Wave, HandOrigin, issues);
            if (hand.Destination == Destination.InHouse)
            {
                assigned[system.Id] = null; // stays at home; no rule may pick it
                continue;
            }

            var gate = GateFor(system, hand.Destination);
            if (gate.Verdict == PlanningGateVerdict.Blocked)
            {
                issues.Add(new(PlanIssueKind.Refused,
                    $"Flytt av {system.Name} till {DestinationNames.SwedishLower(hand.Destination)} nekas: {gate.Rule}",
                    system.Id, system.Name, hand.Destination, gate.Rule, HandOrigin));
                // The refusal stands in for the move: rules must not move the system behind the person's back.
                assigned[system.Id] = null;
                continue;
            }

            var move = ToMove(system, hand.Destination, hand.Wave, hand.Method, hand.Contract, gate, HandOrigin);
            NoteConditional(move, issues);
            assigned[system.Id] = move;
        }
    }

    private static void ApplyRules(Scenario scenario, List<PlanningSystem> sorted, Dictionary<long, PlannedMove?> assigned, List<PlanIssue> issues)
    {
        foreach (var rule in scenario.Rules)
        {
            if (rule.Waves.Count == 0)
            {
                continue;
            }

            var accepted = new List<(PlanningSystem System, Destination Destination, PlanningGate Gate)>();
            foreach (var system in sorted)
            {
                if (assigned.ContainsKey(system.Id) || !rule.Filter.Matches(system))
                {
                    continue;
                }

                var destination = rule.Destination ?? system.Recommended;
                if (destination is null)
                {
                    issues.Add(new(PlanIssueKind.Skipped, $"{system.Name} saknar rekommendation och hoppas över av regeln \"{rule.Name}\".",
                        system.Id, system.Name, Origin: rule.Name));
                    continue;
                }

                if (destination == Destination.InHouse)
                {
                    continue; // recommended to stay: nothing to move, and no reason to warn
                }

                var gate = GateFor(system, destination.Value);
                if (gate.Verdict == PlanningGateVerdict.Blocked)
                {
                    issues.Add(new(PlanIssueKind.Skipped,
                        $"{system.Name} hoppas över av regeln \"{rule.Name}\": {DestinationNames.SwedishLower(destination.Value)} är spärrat ({gate.Rule})",
                        system.Id, system.Name, destination, gate.Rule, rule.Name));
                    continue;
                }

                accepted.Add((system, destination.Value, gate));
            }

            // Even spread in id order: system i of n goes to wave floor(i * waves / n).
            for (var i = 0; i < accepted.Count; i++)
            {
                var (system, destination, gate) = accepted[i];
                var wave = rule.Waves[(int)((long)i * rule.Waves.Count / accepted.Count)];
                var move = ToMove(system, destination, wave, rule.Method, rule.Contract, gate, rule.Name);
                NoteConditional(move, issues);
                assigned[system.Id] = move;
            }
        }
    }

    private static PlanningGate GateFor(PlanningSystem system, Destination destination)
    {
        if (system.Gates.TryGetValue(destination, out var gate))
        {
            return gate;
        }

        // Retiring needs no hosting permission; any other destination the gate has not judged is
        // allowed only on condition, so that it shows up instead of passing unnoticed.
        return destination == Destination.Retire
            ? new PlanningGate(PlanningGateVerdict.Allowed, "")
            : new PlanningGate(PlanningGateVerdict.Conditional, "Ej bedömd av grinden");
    }

    private static PlannedMove ToMove(PlanningSystem system, Destination destination, Wave wave, TransitionMethod? method, string? contract, PlanningGate gate, string origin)
    {
        var resolvedMethod = method ?? destination switch
        {
            Destination.Saas => TransitionMethod.Replace,
            Destination.Retire => TransitionMethod.Retire,
            _ => TransitionMethod.Rehost,
        };
        var resolvedContract = destination == Destination.Retire ? null : contract ?? DestinationNames.DefaultContract(destination);
        return new PlannedMove(system.Id, system.Name, system.Department, destination, wave, resolvedMethod, resolvedContract,
            gate.Verdict, string.IsNullOrEmpty(gate.Rule) ? null : gate.Rule, origin, system.DriftHoursPerYear,
            system.VmCount, system.PhysicalServers, system.TwentyFourSeven);
    }

    private static void NoteConditional(PlannedMove move, List<PlanIssue> issues)
    {
        if (move.Verdict == PlanningGateVerdict.Conditional)
        {
            issues.Add(new(PlanIssueKind.Conditional,
                $"{move.SystemName} till {DestinationNames.SwedishLower(move.Destination)} är villkorat: {move.GateRule}",
                move.SystemId, move.SystemName, move.Destination, move.GateRule, move.Origin));
        }
    }

    private static CompiledPlan Aggregate(Scenario scenario, Estate estate, CloudPriceTable prices, List<PlanningSystem> sorted,
        Dictionary<long, PlanningSystem> byId, List<PlannedMove> moves, List<PlanIssue> issues)
    {
        double knownHours = 0, unknownVms = 0, unknownPhysical = 0;
        foreach (var system in sorted)
        {
            if (system.DriftHoursPerYear is { } hours)
            {
                knownHours += hours;
            }
            else
            {
                unknownVms += system.VmCount;
                unknownPhysical += system.PhysicalServers;
            }
        }

        // The in-house platform: listed clusters, then one for servers whose host is not listed, one for physical servers.
        var clusters = new List<PlatformCluster>();
        var clusterOfHost = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in estate.Hosts.GroupBy(h => h.Cluster ?? h.Name, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var hosts = group.ToList();
            var cores = hosts.Where(h => h.Cores is > 0).Select(h => (double)h.Cores!.Value).DefaultIfEmpty().Average();
            clusters.Add(new PlatformCluster
            {
                Name = group.Key,
                Hosts = hosts.Count,
                CoresPerHost = cores > 0 ? cores : null,
                RefreshYear = hosts.Where(h => h.RefreshYear is not null).Select(h => h.RefreshYear).Min(),
            });
            foreach (var host in hosts)
            {
                clusterOfHost[host.Name] = clusters.Count - 1;
            }
        }

        var derived = -1;
        var physical = -1;
        var drivers = new MoveAggregate { YearIndex = 0, FirstYearFraction = 1, Contract = -1, Destination = Destination.InHouse, Method = TransitionMethod.Rehost, TwentyFourSeven = false };
        var clusterOf = new Dictionary<PlanningVm, int>(ReferenceEqualityComparer.Instance);
        var serversOf = new Dictionary<long, List<PlanningVm>>();
        foreach (var system in sorted)
        {
            var servers = system.AllServers().ToList();
            serversOf[system.Id] = servers;
            foreach (var vm in servers.Where(v => !v.InCloud))
            {
                int index;
                if (vm.Physical)
                {
                    if (physical < 0)
                    {
                        clusters.Add(new PlatformCluster { Name = PhysicalClusterName, Hosts = 0, Physical = true });
                        physical = clusters.Count - 1;
                    }

                    index = physical;
                    clusters[index] = clusters[index] with { Hosts = clusters[index].Hosts + 1 };
                }
                else if (vm.Host is not null && clusterOfHost.TryGetValue(vm.Host, out var known))
                {
                    index = known;
                }
                else
                {
                    if (derived < 0)
                    {
                        clusters.Add(new PlatformCluster { Name = DerivedClusterName, Hosts = 0, Derived = true });
                        derived = clusters.Count - 1;
                    }

                    index = derived;
                }

                clusterOf[vm] = index;
                AddDrivers(drivers, system, vm, index);
            }

            drivers.Licences += system.LicenceSekPerYear;
        }

        foreach (var (index, vcpu) in drivers.ClusterVcpu)
        {
            clusters[index].Vcpu = vcpu;
        }

        foreach (var (index, tib) in drivers.ClusterTib)
        {
            clusters[index].Tib = tib;
        }

        var contracts = new List<PlanContract>();
        var contractIndex = new Dictionary<PlanContract, int>();
        var shapes = new List<VmShape>();
        var shapeIndex = new Dictionary<VmShape, int>();
        var groups = new Dictionary<(int Year, int Quarter, int Contract, Destination Destination, TransitionMethod Method, bool Full), MoveAggregate>();
        var order = new List<MoveAggregate>();
        int rightSized = 0, configuredSize = 0;

        foreach (var move in moves)
        {
            var system = byId[move.SystemId];
            var contract = -1;
            if (move.Contract is not null)
            {
                var key = new PlanContract(move.Contract, move.Destination);
                if (!contractIndex.TryGetValue(key, out contract))
                {
                    contract = contracts.Count;
                    contracts.Add(key);
                    contractIndex[key] = contract;
                }
            }

            var groupKey = (move.Wave.Year - scenario.StartYear, move.Wave.Quarter ?? 1, contract, move.Destination, move.Method, system.TwentyFourSeven);
            if (!groups.TryGetValue(groupKey, out var group))
            {
                group = new MoveAggregate
                {
                    YearIndex = groupKey.Item1,
                    FirstYearFraction = move.Wave.FirstYearFraction,
                    Contract = contract,
                    Destination = move.Destination,
                    Method = move.Method,
                    TwentyFourSeven = system.TwentyFourSeven,
                };
                groups[groupKey] = group;
                order.Add(group);
            }

            group.Systems += 1;
            group.Servers += system.VmCount + system.PhysicalServers;
            group.Licences += system.LicenceSekPerYear;
            if (system.DriftHoursPerYear is { } hours)
            {
                group.KnownHours += hours;
            }
            else
            {
                group.UnknownVms += system.VmCount;
                group.UnknownPhysical += system.PhysicalServers;
            }

            if (move.Destination == Destination.Saas)
            {
                double? price = scenario.SaasPrices.TryGetValue(system.Id, out var given) ? given : system.SaasPricePerYear;
                if (price is { } known)
                {
                    group.SaasKnown += known;
                }
                else
                {
                    group.SaasUnknownCount += 1;
                }
            }

            foreach (var vm in serversOf[system.Id])
            {
                if (vm.InCloud)
                {
                    continue; // already paid in the cloud, on both sides alike
                }

                AddDrivers(group, system, vm, clusterOf[vm]);
                if (move.Destination != Destination.PublicCloud)
                {
                    continue;
                }

                group.CloudServers += 1;
                group.CloudDiskGib += vm.StorageGib;
                if (!vm.PoweredOn)
                {
                    continue;
                }

                group.CloudRunningServers += 1;
                // The measured p95 travels with the shape; the headroom is applied when the forecast prices it.
                var measured = RightSizing.HasEnough(vm);
                if (measured)
                {
                    rightSized += 1;
                }
                else
                {
                    configuredSize += 1;
                }

                var shape = new VmShape(Math.Max(1, vm.VCpu), vm.MemoryGib > 0 ? vm.MemoryGib : 1, vm.Family == OsFamily.Windows,
                    measured ? vm.CpuP95 : null, measured ? vm.MemoryP95 : null);
                if (!shapeIndex.TryGetValue(shape, out var index))
                {
                    index = shapes.Count;
                    shapes.Add(shape);
                    shapeIndex[shape] = index;
                }

                group.ShapeCounts[index] = group.ShapeCounts.GetValueOrDefault(index) + 1;
            }
        }

        return new CompiledPlan(scenario, estate, prices, moves, issues, contracts, shapes, order, clusters, drivers,
            sorted.Count, knownHours, unknownVms, unknownPhysical)
        {
            RightSizedServers = rightSized,
            ConfiguredSizeServers = configuredSize,
        };
    }

    private static void AddDrivers(MoveAggregate target, PlanningSystem system, PlanningVm vm, int cluster)
    {
        var identity = vm.Identity;
        var family = identity.Family == OsFamily.Other ? system.OsFamily : identity.Family;
        if (family == OsFamily.Windows)
        {
            // Microsoft licenses a virtual server by its virtual cores, at least 8.
            target.WindowsCores += Math.Max(8, vm.VCpu);
            target.WindowsVms += 1;
        }
        else if (identity.Product == "rhel")
        {
            target.RhelVms += 1;
        }

        target.InHouseServers += 1;
        var tib = vm.StorageGib / 1024.0;
        target.InHouseTib += tib;
        target.ClusterVcpu[cluster] = target.ClusterVcpu.GetValueOrDefault(cluster) + Math.Max(1, vm.VCpu);
        target.ClusterTib[cluster] = target.ClusterTib.GetValueOrDefault(cluster) + tib;
    }
}
