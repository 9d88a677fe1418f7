using System.Diagnostics;
using System.Reflection;
using BenchmarkDotNet.Attributes;

/// <summary>
/// The smoke mode of a BenchmarkDotNet class (<c>--smoke</c>, run by the bench scripts' own smoke mode): its global
/// setup, each benchmark once, timed, and its cleanup, in this process. It proves the reads still run and print a
/// figure in seconds, where BenchmarkDotNet would build and start a process of its own per benchmark for minutes.
/// Compiled into every BenchmarkDotNet project of bench/.
/// </summary>
public static class BenchSmoke
{
    public static async Task RunAsync<T>() where T : new()
    {
        var bench = new T();
        var methods = typeof(T).GetMethods(BindingFlags.Public | BindingFlags.Instance);
        await InvokeAsync<GlobalSetupAttribute>(bench, methods);
        foreach (var method in methods.Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
        {
            var watch = Stopwatch.StartNew();
            await AwaitAsync(method.Invoke(bench, null));
            var name = method.GetCustomAttribute<BenchmarkAttribute>()!.Description ?? method.Name;
            Console.WriteLine($"| {name} | {watch.Elapsed.TotalMilliseconds:F1} ms (once, smoke) |");
        }
        await InvokeAsync<GlobalCleanupAttribute>(bench, methods);
    }

    private static async Task InvokeAsync<TAttribute>(object bench, MethodInfo[] methods) where TAttribute : Attribute
    {
        foreach (var method in methods.Where(m => m.GetCustomAttribute<TAttribute>() is not null))
            await AwaitAsync(method.Invoke(bench, null));
    }

    private static async Task AwaitAsync(object? result)
    {
        if (result is Task task) await task;
        else if (result is ValueTask valueTask) await valueTask;
    }
}
