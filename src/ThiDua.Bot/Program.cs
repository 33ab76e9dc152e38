using ThiDua.Bot.Hosting;

return await BotProgram.RunAsync(args);
