namespace IndustryCopilot.Cli.Tests.Fixtures;

/// <summary>Text of the generated sample documents in corpus/, written by us for a fictional plant.</summary>
internal static class CorpusTexts
{
    public const string SopTitle = "SOP-PR-017 CNC加工中心换刀作业指导书";

    public static readonly (string Heading, string[] Paragraphs, string[] Steps)[] SopSections =
    [
        ("1 目的", ["规范二号工厂 VMC-850 加工中心的手动换刀作业，防止刀具掉落、撞刀和夹伤。"], []),
        ("2 适用范围", ["本指导书适用于 CNC 加工线 L2 的操作者和换刀员。自动换刀（ATC）故障的处理见第5章。"], []),
        ("3 安全要求", ["3.1 换刀前必须按下急停按钮，并在操作面板上挂\"正在换刀\"警示牌。", "3.2 搬运质量超过15 kg 的刀柄时，应两人配合或使用刀具小车。", "3.3 严禁在主轴旋转时伸手进入加工区。"], []),
        ("4 换刀步骤", ["按以下顺序操作，不得跳步："],
        [
            "将机床切换到手动（JOG）模式，主轴停止后按下急停按钮并挂牌。",
            "打开防护门，用抹布清洁主轴锥孔和刀柄锥面，不得使用压缩空气直吹锥孔。",
            "一手托住刀柄，按下主轴松刀按钮，取下旧刀并放入刀具小车。",
            "核对新刀的刀号、刀长补偿值与《刀具清单》QR-PR-044 一致。",
            "将新刀装入主轴，确认拉钉已夹紧后松开松刀按钮。",
            "关闭防护门，复位急停，执行 T 指令试换刀一次。",
            "在《换刀记录》QR-PR-045 上记录刀号、换刀时间和操作者。",
        ]),
        ("6 记录", ["换刀记录保存一年，由班组长每周检查一次。"], []),
    ];

    public static readonly string[][] FaultCodes =
    [
        ["代码", "含义", "处理措施"],
        ["E-201", "刀库计数错误", "回零刀库，重新执行 T 指令"],
        ["E-203", "主轴过热", "停机冷却30 min，检查主轴冷却油位"],
        ["E-205", "拉钉未夹紧", "检查气压不低于0.6 MPa，清洁拉钉后重试"],
        ["E-317", "换刀超时", "检查换刀臂传感器 SQ7，必要时通知维修"],
    ];

    public static readonly string[] ManualPage1 =
    [
        "#AC-37 Screw Air Compressor Maintenance Manual",
        "Document MM-AC-037 Rev. D, 2025-03-15. Hengda Precision Components, Plant 2, compressor room B2.",
        "##1 Scope",
        "This manual covers routine maintenance of the three AC-37 oil-injected screw compressors that supply the CNC machining line L2 with compressed air at 0.7 MPa. It applies to maintenance technicians qualified to level M2.",
        "##2 Safety",
        "2.1 Before any work inside the enclosure, isolate the main power at breaker Q1 and apply lockout/tagout according to SOP-SF-002.",
        "2.2 Vent the separator tank until pressure gauge PG-3 reads 0 bar. Never loosen a fitting, plug or hose while the system is under pressure.",
        "2.3 Let the compressor cool down for at least 20 minutes before touching the oil cooler or the discharge pipe; surfaces can exceed 90 degrees C.",
        "##3 Maintenance intervals",
        "3.1 Check the oil level through the sight glass every day before the first shift.",
        "3.2 Replace the air filter element every 2,000 operating hours, or earlier when the filter indicator turns red.",
        "3.3 Replace the oil filter and the compressor oil every 4,000 operating hours. Use only HD-46 compressor oil; 18 litres are needed per unit.",
        "3.4 Replace the separator element every 8,000 operating hours or when alarm A-203 appears.",
    ];

    public static readonly string[] ManualPage2 =
    [
        "##4 Alarm codes",
        "4.1 A-101 Discharge temperature above 105 degrees C. Clean the cooler fins, check the oil level and the thermostatic valve.",
        "4.2 A-102 Oil pressure below 1.5 bar. Check the oil filter and the oil level; replace the filter if it is blocked.",
        "4.3 A-203 Separator differential pressure above 1.0 bar. Replace the separator element.",
        "4.4 A-305 Motor overload. Check the supply voltage and the drive belt tension; reset only after the cause is removed.",
        "##5 Replacing the oil filter",
        "1. Stop the compressor, isolate it at breaker Q1 and apply lockout/tagout.",
        "2. Vent the system and confirm that gauge PG-3 reads 0 bar.",
        "3. Place a drip tray under the filter and unscrew the old filter counter-clockwise.",
        "4. Wipe the sealing face and apply a thin film of clean HD-46 oil to the new gasket.",
        "5. Screw on the new filter by hand until the gasket touches, then a further three quarters of a turn.",
        "6. Remove the lockout, start the compressor and check the filter for leaks at full load.",
        "##6 Spare parts",
        "6.1 Oil filter element: part number 2205-4417. Air filter element: part number 2205-3120. Separator element: part number 2205-5582.",
    ];

    public static readonly (string Size, string Grade, double Torque, string Tolerance)[] Torques =
    [
        ("M6", "8.8", 10, "±10%"),
        ("M8", "8.8", 24, "±10%"),
        ("M10", "8.8", 47, "±10%"),
        ("M12", "8.8", 82, "±8%"),
        ("M12", "10.9", 115, "±8%"),
        ("M16", "8.8", 200, "±8%"),
    ];
}
