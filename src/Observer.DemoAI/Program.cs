using Observer.DemoAI.Hosting;

return await DemoAiCommandLine.Create().Parse(args).InvokeAsync();
