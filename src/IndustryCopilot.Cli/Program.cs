using IndustryCopilot.Cli;

return IcpApp.Run(args);
