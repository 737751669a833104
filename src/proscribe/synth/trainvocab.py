"""Vocabularies for the classifier's training corpus, written by the project.

Makers, model families, coins, exchanges and algorithms are public product names; every
sentence frame is ours. Nothing here is read from, or copied out of, ``shared/data``.
Slots in frames are ``{name}``; :mod:`proscribe.synth.training` fills them.
"""

from __future__ import annotations

# fmt: off





# -- mining hardware ---------------------------------------------------------------------

MAKERS = {
    "Antminer": [
        "S9",
        "S9j",
        "S17",
        "S17 Pro",
        "T17",
        "S19",
        "S19j Pro",
        "S19 XP",
        "S19k Pro",
        "T19",
        "S21",
        "S21 Pro",
        "T21",
        "L3+",
        "L7",
        "E3",
        "E9 Pro",
        "D7",
        "D9",
        "K7",
        "KA3",
        "KS3",
        "KS5",
        "HS3",
        "Z15",
        "X5",
        "AL1",
    ],
    "Whatsminer": [
        "M20S",
        "M21S",
        "M30S",
        "M30S+",
        "M30S++",
        "M31S",
        "M50",
        "M50S",
        "M53",
        "M56S",
        "M60",
        "M60S",
        "M63S",
        "M66",
    ],
    "Avalon": ["A841", "A1047", "A1166 Pro", "A1246", "A1366", "A1466", "Nano 3", "Mini 3"],
    "Innosilicon": ["T2T", "T3+", "A10 Pro", "A11 Pro", "G32", "KAS Master", "A6+"],
    "Goldshell": [
        "KD5",
        "KD6",
        "KD-Box",
        "LT5",
        "LT6",
        "HS5",
        "CK5",
        "AL-Box",
        "E-KA1M",
        "Mini DOGE",
        "KA Box",
    ],
    "iPollo": ["V1", "V1 Mini", "G1", "B2", "X1"],
    "Jasminer": ["X4", "X4-Q", "X16-Q", "X16-P"],
    "IceRiver": ["KS0", "KS1", "KS2", "KS3M", "KS5L", "AL0", "AL3"],
    "Ebang Ebit": ["E10", "E11++", "E12+"],
    "StrongU": ["STU-U6", "STU-U8 Pro"],
    "Bitaxe": ["Ultra", "Supra", "Gamma", "Max"],
    "NerdMiner": ["v2", "Pro"],
    "FutureBit": ["Apollo", "Apollo II"],
    "Elphapex": ["DG1", "DG1+", "DG Home"],
    "DragonBall": ["A11", "A21", "KD Lite"],
    "Hammer": ["D10", "D9", "L1"],
    "Volcminer": ["D1", "D1 Lite"],
    "Fluminer": ["L1", "T3"],
    "Canaan AvalonMiner": ["1166", "1246", "1346"],
    "MicroBT": ["M30S", "M50", "M60"],
    "Bitmain": ["S19", "L7", "KS5"],
}
MAKERS_ZH = [
    "蚂蚁", "比特大陆", "神马", "阿瓦隆", "嘉楠", "芯动", "金贝", "翼比特", "冰河", "爱博", "鸿蒙",
    "神马微芯", "亿邦",
]
ALGOS = [
    "SHA-256", "SHA256", "Scrypt", "Ethash", "Etchash", "kHeavyHash", "Equihash", "X11", "Blake3",
    "Eaglesong", "Autolykos", "Kadena", "Handshake", "zkSNARK", "RandomX",
]
UNITS = [
    "TH/s", "T", "TH", "GH/s", "G", "MH/s", "M", "KH/s", "th",
]
COINS_MINED = [
    "BTC", "LTC", "DOGE", "KAS", "ETC", "ALPH", "KDA", "CKB", "ZEC", "DASH", "BCH", "BSV", "ALEO",
    "XMR",
]

HARDWARE_EN = [
    "{maker} {model} {rate}{unit} {algo} miner", "{maker} {model} {rate}{unit}", "{maker} {model}",
    "{maker} {model} {rate}{unit} with PSU, ready to ship",
    "Used {maker} {model} {rate}{unit} asic miner, tested",
    "Refurbished {maker} {model} {algo} {rate}{unit}",
    "New {maker} {model} {coin} miner {rate}{unit} {watts}W", "ASIC {maker} {model} {rate}{unit}",
    "{coin} miner {maker} {model} in stock", "{algo} asic {rate}{unit} {watts}W low noise",
    "{rate}{unit} {coin} mining machine, {watts}W, pays for itself",
    "SHA256 home server {rate}T, low noise, pays daily",
    "Quiet {coin} home miner {rate}{unit}, plug and mine",
    "{n}-GPU mining rig RTX {gpu}, {mh} MH/s, assembled",
    "{n} GPU mining rig with frame and risers, {mh} MH/s",
    "Ready-to-mine rig {n}x RX {amd} {mh}MH/s",
    "Hosted {maker} {model} with {months} months hosting",
    "Miner hosting bundle: {maker} {model} + {months} months",
    "Solo {coin} lottery miner {small} GH/s",
    "{maker} {model} ({rate}{unit}) bitcoin miner, batch {month}",
    "Crypto miner {maker} {model}, {rate}{unit}, warranty", "{coin} asic miner {rate}{unit}",
    "Mining machine {maker} {model} {rate}{unit} second hand",
]
HARDWARE_ZH = [
    "{mzh}矿机 {model} {rate}{unit}", "{mzh} {model} 矿机 现货", "二手{mzh}{model} {rate}T 成色好",
    "{maker} {model} {rate}{unit} 全新 期货", "比特币矿机 {maker} {model}",
    "{coin}矿机 {rate}{unit} 功耗{watts}W", "挖矿机 {mzh} {model} 包邮",
    "显卡矿机 {n}卡 整机 算力{mh}M", "{n}卡矿机 RTX{gpu} 挖矿整机",
    "家用静音矿机 {coin} {rate}{unit}", "{mzh}{model}矿机 托管 {months}个月",
    "asic矿机 {algo} {rate}{unit}", "大饼矿机 {maker} {model}", "狗狗币莱特币矿机 {maker} {model}",
    "{model} 同款 {rate}T 挖矿 机器", "矿机 {maker}{model} 二手 拆机",
    "{mzh}矿机 {model} 算力{rate}T 矿场直发", "kuangji {maker} {model} {rate}T",
    "mayi kuangji {model} {rate}T",
]

# -- mining accessories ------------------------------------------------------------------

PSU = [
    "APW3", "APW3++", "APW7", "APW9", "APW12", "APW17", "P221B", "P222B", "P21",
]
ACCESSORIES_EN = [
    "{psu} power supply for {maker} {model}", "{psu} PSU for {maker} miner",
    "Hash board for {maker} {model}", "{maker} {model} hashboard, tested, {n} chips",
    "Control board for {maker} {model}", "{maker} {model} control board C{n}",
    "Replacement fan for {maker} {model}, {fan}", "{fan} miner fan 12V for asic",
    "{n} GPU open-air mining frame", "Aluminium mining rig frame for {n} GPUs",
    "Mining rig case {n} GPU with fans", "PCIe riser {riser} for mining rig, {n} pack",
    "USB riser cards for GPU mining, {n} pcs", "Immersion cooling kit for {maker} miners",
    "Miner noise reduction box for {maker} {model}", "Silent shroud for asic miner fans",
    "Hashboard repair chips for {maker} {model}", "Breakout board for {psu} mining PSU",
    "Water cooling plate for {maker} {model} hydro", "PDU for mining farm, {n} outlets C13",
]
ACCESSORIES_ZH = [
    "矿机电源 {psu}", "{mzh}矿机电源 {psu} 原装", "{mzh}{model}算力板",
    "算力板 {model} 拆机 测试好", "矿机控制板 {mzh} {model}", "矿机风扇 {fan} 暴力",
    "显卡矿架 {n}卡 铝合金", "{n}卡矿机机箱 带风扇", "矿机 静音箱 {mzh}",
    "延长线 转接卡 挖矿 {riser} {n}条", "矿机 配件 {psu} 电源", "矿机浸没式散热 套件",
    "矿机维修 芯片 {model}", "矿场 PDU 电源分配 {n}位",
]
FANS = [
    "12038", "14038", "6000rpm", "7000rpm", "8cm",
]
RISERS = [
    "009S", "010X", "008S", "VER 009S Plus",
]

# -- mining software ---------------------------------------------------------------------

MINER_SOFTWARE = [
    "PhoenixMiner", "T-Rex", "lolMiner", "XMRig", "NBMiner", "TeamRedMiner", "GMiner", "NiceHash",
    "BFGMiner", "CGMiner", "SRBMiner", "Claymore", "Rigel", "BzMiner", "Kawpowminer", "NanoMiner",
    "WildRig", "OneZeroMiner",
]
FIRMWARE = [
    "Braiins OS", "Braiins OS+", "VNish", "Hiveon ASIC", "LuxOS", "Asic.to", "Mara OS",
]
MINING_OS = [
    "HiveOS", "RaveOS", "SimpleMining OS", "minerstat", "NiceHash OS", "mmpOS",
]
SOFTWARE_EN = [
    "{sw} setup service, remote", "{sw} remote installation for your rig",
    "{sw} configured for {coin}, lifetime support", "{fw} firmware flashing for {maker} {model}",
    "{fw} custom firmware licence, overclock +{n}%", "{os} licence 1 year for {n} rigs",
    "{os} setup and tuning service", "Cloud mining contract {rate}TH/s {months} months",
    "{coin} cloud mining {rate} TH/s 1 year contract",
    "Hashrate rental {rate}TH/s SHA256 {days} days", "Mining pool setup service for {coin}",
    "{coin} miner software, undervolt profile, fee free",
    "Auto-switching mining software for NVIDIA and AMD", "Mining farm management software licence",
    "Bitcoin mining app with daily payouts",
]
SOFTWARE_ZH = [
    "云算力 合约 {rate}T {months}个月", "{coin}云挖矿 算力租赁 一年", "挖矿软件 {sw} 远程安装",
    "矿机固件 {fw} 刷机服务", "矿机刷固件 超频 {model}", "挖矿系统 {os} 安装调试",
    "{sw} 挖矿程序 配置 远程", "算力出租 {algo} {rate}T {days}天", "矿池搭建 {coin} 服务",
    "显卡挖矿软件 一键挖矿",
]

# -- crypto tutorials, guides and strategies ---------------------------------------------

COINS = [
    "Bitcoin", "Ethereum", "Solana", "Cardano", "Dogecoin", "Litecoin", "XRP", "BNB", "Polkadot",
    "Avalanche", "Polygon", "Shiba Inu", "Chainlink", "Cosmos", "Tron", "Monero", "Kaspa",
    "Toncoin", "altcoins", "stablecoins", "meme coins", "crypto", "cryptocurrency", "DeFi tokens",
    "BTC", "ETH", "SOL", "ADA", "DOGE", "USDT",
]
COINS_ZH = [
    "比特币", "以太坊", "以太币", "狗狗币", "莱特币", "瑞波币", "波卡", "索拉纳", "艾达币",
    "币安币", "泰达币", "稳定币", "山寨币", "替代币", "加密货币", "数字货币", "虚拟货币",
    "加密资产", "代币", "模因币", "柴犬币", "波场", "门罗币", "卡斯帕", "BTC", "ETH", "BNB", "SOL",
    "DOGE", "USDT", "ADA", "XRP", "DOT", "AVAX", "MATIC", "LUNA", "ATOM", "SHIB", "LINK", "UNI",
    "AAVE", "CAKE", "FTM", "NEAR", "APT", "Crypto", "crypto", "比特", "链上代币", "治理代币",
    "平台币",
]
CRYPTO_ZH = [
    "加密", "加密货币", "数字货币", "币圈", "密码货币", "虚拟币", "Crypto", "crypto", "加密资产",
    "代币", "DeFi", "去中心化金融", "链上", "密码", "秘密", "区块链资产",
]
EXCHANGES = [
    "Binance", "Coinbase", "Kraken", "Bybit", "KuCoin", "OKX", "Bitget", "Gate.io", "Huobi",
    "Crypto.com", "Bitfinex", "BitMEX", "dYdX", "Uniswap", "PancakeSwap", "SushiSwap", "Curve",
    "Aave", "Compound", "MetaMask", "Trust Wallet", "Gemini", "Bitstamp", "Phemex", "MEXC",
    "Deribit", "1inch", "Raydium", "Lido", "GMX",
]
EXCHANGES_ZH = [
    "币安", "火币", "欧易", "比特币基地", "抹茶", "芝麻开门", "库币", "币安智能链", "以太坊主网",
    "波场链", "去中心化交易所", "交易所", "钱包", "小狐狸钱包",
]
ACTIVITY_EN = [
    "trading", "investing", "day trading", "swing trading", "mining", "staking", "yield farming",
    "liquidity mining", "arbitrage", "futures trading", "margin trading", "options trading",
    "scalping", "copy trading", "lending", "DCA investing", "airdrop hunting", "grid trading",
    "leverage trading", "algorithmic trading", "HODLing", "buying",
]
ACTIVITY_ZH = [
    "交易", "投资", "炒币", "挖矿", "质押", "流动性挖矿", "收益耕作", "套利", "合约交易",
    "杠杆交易", "期货交易", "现货交易", "网格交易", "定投", "囤币", "撸空投", "打新", "抄底",
    "做空", "做多", "量化交易", "跟单交易", "复制交易", "借贷", "购买", "买入", "持有", "赌注",
    "下注", "打桩", "挖", "理财", "搬砖", "保证金交易", "永续合约", "高频交易", "波段交易",
    "日内交易", "铸造", "兑换",
]
GUIDE_ZH = [
    "指南", "教程", "入门", "攻略", "技巧", "策略", "方法", "秘籍", "全攻略", "完整指南",
    "终极指南", "一步一步的指南", "手把手教学", "新手必看", "101", "实战", "课程", "训练营",
    "视频教程", "从入门到精通", "简介", "分析", "心得", "经验分享", "避坑指南", "快速指南",
    "初学者指南", "详解", "第{n}部分",
]
GAIN_ZH = [
    "赚钱", "赚取被动收入", "获利", "赚取收益", "赚取利息", "翻倍", "暴富", "稳定盈利", "产生收入",
    "赚到第一桶金", "实现财务自由", "赚取 {n}% 年化收益", "每天赚 {n} 美元", "建立多种收入流",
    "获得高额利润", "降低风险", "保住收益",
]
TUTORIALS_ZH = [
    "如何{act}{coin}", "如何在{ex}上{act}{coin}", "如何在 {year} 年{act}{coin}",
    "{coin}{act}{guide}", "{crypto}{act}{guide}", "{crypto}{act} {n} 个{guide}",
    "初学者{ex}{guide}", "{ex}{act}{guide}：{coin}", "{n} 种通过{crypto}{gain}的方法",
    "用{crypto}{gain}的 {n} 个{guide}", "{year} 年最值得购买的 {n} 种{coin}",
    "{year} 年最佳{crypto}交易所", "本周最值得买入的 {n} 种{crypto}",
    "我如何用 {n} 美元{act}{coin}", "我如何通过{act}{coin}{gain}", "{crypto}熊市中如何{act}",
    "{crypto}牛市来了，如何{act}{coin}", "{act}{coin}之前要知道的 {n} 件事",
    "{coin}价格预测：{year} 年会涨到多少", "{coin}技术分析：下一步怎么走",
    "{crypto}交易机器人 编写{guide}", "用 Python 写一个{crypto}{act}机器人",
    "{crypto}投资组合：如何分散风险", "构建{crypto}投资组合的{guide}", "{coin}{act}策略 {guide}",
    "在{ex}上{act}：{guide}", "{crypto}空投{guide}", "如何领取{coin}空投",
    "{crypto}{act}的常见错误", "新手{act}{coin}的 {n} 个{guide}",
    "{coin}还是{coin2}？{year} 年该买哪个", "{coin}挖矿{guide} 显卡挖{coin2}",
    "{crypto}{act} 101：{guide}", "{crypto}技术分析{guide}：K线与指标",
    "{crypto}税务{guide}：{act}收益怎么报", "通过{act}{coin}{gain}",
    "{crypto}钱包使用{guide}：如何买入{coin}", "{crypto}{act}心理学：如何在波动中保持冷静",
    "炒币{guide} 从入门到精通", "币圈{act}{guide} 视频课程", "{coin}{act}课程 全套",
    "数字货币投资课 {act}{guide}", "{crypto}量化{act}实战课", "挖矿教程 {coin} 新手入门",
    "wakuang jiaocheng {coin}", "chaobi jiaocheng 新手",
]
TUTORIALS_EN = [
    "How to start {acten} {coin} in {year}", "The Complete {coin} {acten} Course {year}",
    "{coin} {acten} for Beginners: {n} Strategies",
    "{coin} {acten} Masterclass: profit from {coin2}",
    "{acten} {coin} on {ex}: a step-by-step guide", "How I made ${n}00 {acten} {coin}",
    "{n} ways to earn passive income with {coin}", "Technical Analysis for {coin} Traders",
    "{coin} Investing: the Complete Buy and Hold Strategy",
    "Learn {coin} {acten} from zero to pro", "{ex} tutorial: how to buy {coin}",
    "How to mine {coin} at home: complete guide", "{coin} {acten} bot in Python, step by step",
    "Build a {coin} portfolio that survives a bear market",
    "{coin} price prediction {year}: where next?", "Top {n} {coin} to buy this week",
    "{acten} {coin}: the ultimate guide for beginners",
    "{coin} {acten} signals and strategies course", "DeFi {acten} on {ex}: earn {n}% APY",
    "Crypto {acten} psychology: stay calm, keep your gains", "Beginner's guide to {coin} airdrops",
    "Cryptocurrency {acten} 101: the {ex} way", "Make money with {coin} {acten} ({year} edition)",
]

# -- virtual currency for sale -----------------------------------------------------------

CURRENCY_EN = [
    "{amt} {ticker} delivered to your wallet", "Sell {ticker}, instant delivery",
    "Buy {amt} {ticker}, fast transfer", "{ticker} for sale, {amt} coins, escrow",
    "{coin} gift card {n}0 USD", "Crypto voucher {n}0 USD redeem for {ticker}",
    "Verified {ex} account with {amt} {ticker} balance",
    "{amt} {ticker} cheap, below market price", "{ticker} OTC, large volume, same day",
    "Exchange account with balance, KYC done", "{n}000 {ticker} tokens presale",
]
CURRENCY_ZH = [
    "出售{ticker} 秒到账", "{ticker}出售 {amt}个", "{coinzh}出售 {amt}个 当天到账",
    "{ticker}承兑 量大优惠", "收售{ticker} 价格美丽", "{coinzh} {amt}个 转到你钱包",
    "{ticker}兑换 人民币 秒到", "出 {ticker} {amt}枚 可小额", "{ex}账户 带{ticker}余额 实名",
    "{coinzh}充值卡 {n}0美元", "{ticker}代充 代买 快速", "虚拟币出售 {ticker} 币价优惠",
]
TICKERS = [
    "BTC", "ETH", "USDT", "LTC", "QRK", "DOGE", "XRP", "BNB", "SOL", "TRX", "USDC", "SHIB", "ADA",
    "ETC", "DASH", "XMR",
]

# Blog- and course-style headlines about crypto, composed from an opening, a core and a tail,
# so that the model sees crypto wording inside long, ordinary sentences too.
FIN_NOUNS_ZH = [
    "投资者", "投资", "市场", "交易者", "交易所", "组合", "投资组合", "项目", "收益", "回报",
    "利润", "价格", "行情", "熊市", "牛市", "泡沫", "风险", "策略", "信号", "图表", "趋势", "机会",
    "之旅", "世界", "领域", "空间", "社区", "借贷", "利率", "流动性", "收益率", "代币经济学",
    "白皮书", "空投", "挖矿", "矿工", "矿池", "节点", "质押", "分红", "期货", "杠杆", "价格预测",
    "技术分析", "基本面", "财富", "被动收入",
]
OPENINGS_ZH = [
    "", "", "为什么", "什么是", "如何", "你应该了解的", "我为什么选择", "新手必读：", "深度解析：",
    "{year} 年", "关于", "一文读懂", "{n} 个关于", "理解", "我花了一个月研究", "今天聊聊",
    "在熊市中", "在牛市中", "为初学者讲解", "终于明白了", "别再错过",
]
CORES_ZH = [
    "{crypto}{finzh}", "{coinzh}{act}", "{coinzh}的{finzh}", "在{ex}上{act}", "{act}{coinzh}",
    "{crypto}{act}{finzh}", "{coinzh}和{coinzh}的{finzh}", "用{coinzh}{gain}", "{ex}{finzh}",
]
TAILS_ZH = [
    "", "", "指南", "的 {n} 个理由", "：你需要知道的一切", "——第 {n} 部分", "？", "的未来",
    "是个好主意吗", "的风险与回报", "入门", "完全指南", "的真相", "（{year}）", "值得吗？",
    "的 {n} 个教训", "：我的经验", "，然后我成功了", "的正确玩法", "策略分享",
]
FIN_NOUNS_EN = [
    "investors", "portfolio", "market", "traders", "exchange", "project", "returns", "profits",
    "price", "bear market", "bull run", "strategy", "signals", "charts", "trends", "airdrop",
    "yield", "staking rewards", "liquidity pool", "wallet", "tokenomics", "whitepaper",
    "mining rig", "mining pool", "nodes", "leverage", "price prediction", "technical analysis",
    "passive income", "gains",
]
OPENINGS_EN = [
    "", "Why", "What is", "How to read the", "Understanding the", "A beginner's guide to the",
    "{n} lessons from the", "The truth about the", "My {year}", "Inside the",
    "Everything you need to know about the", "Don't miss the",
]
CORES_EN = [
    "{coin} {finen}", "crypto {finen}", "{coin} and {coin2} {finen}", "{ex} {finen}",
    "DeFi {finen}", "altcoin {finen}",
]
TAILS_EN = [
    "", "", "explained", "in {year}", ": a complete guide", "(part {n})", "for beginners",
    "— what I learned", "that made me money", "you can't ignore", "?",
]

# More coins and projects, and the words Chinese crypto writing (including machine-translated
# English) uses for them: a model that knows only the top ten coins misses the long tail.
COINS += [
    "Tezos", "Algorand", "Fantom", "Terra", "UST", "Near", "Aptos", "Arbitrum", "Optimism",
    "Hedera", "VeChain", "Stellar", "EOS", "Filecoin", "Helium", "The Graph", "Decentraland",
    "Axie Infinity", "ApeCoin", "Pepe", "Fetch.ai", "Render", "Injective", "Sui", "Celo",
    "Harmony", "Zilliqa", "Kusama", "Theta", "Chiliz", "Enjin", "BAT", "Ampleforth", "Synthetix",
    "MakerDAO", "DAI", "Yearn", "THORChain", "Osmosis", "XTZ", "ALGO", "FTM", "HBAR", "XLM", "FIL",
    "GRT", "MANA", "SAND", "AXS", "APE", "FET", "masternode coins", "governance tokens",
    "wrapped BTC", "LP tokens",
]
COINS_ZH += [
    "特佐斯", "阿尔戈兰德", "幻影币", "波尔卡多特", "卡达诺", "雪崩", "多边形", "宇宙币", "原子币",
    "链环", "恒星币", "文件币", "氦币", "元宇宙硬币", "替代硬币", "稳定硬币", "模因硬币",
    "治理令牌", "令牌", "包装比特币", "LP 令牌", "主节点币", "UST", "XTZ", "FIL", "SAND", "MANA",
    "AXS", "APE", "FET", "BAT", "GRT", "FTM", "ALGO",
]
FIN_NOUNS_ZH += [
    "令牌", "股份证明", "工作证明", "验证者", "委托", "智能合约", "去中心化交易所", "流动性池",
    "收益农场", "耕作", "跨链桥", "主网", "钱包地址", "私钥", "助记词", "gas 费", "矿工费",
    "网格机器人", "交易机器人", "链上数据", "巨鲸", "减半", "哈希率", "算力", "币价", "市值",
    "K 线", "合约", "爆仓", "止损",
]
ACTIVITY_ZH += [
    "委托", "入股", "耕作", "桥接", "狙击", "铸币", "赎回", "解押", "复投", "收割",
]

# How machine-translated crypto writing renders English terms in Chinese: "crypto" → 密码/秘密,
# "coins" → 硬币, "yield farming" → 产量农业, "staking" → 赌注/押注, "baking" (Tezos) → 烘焙,
# "mining rig" → 采矿钻机. Sellers and blogs copy such text as it comes.
COINS_ZH += [
    "硬币", "另类硬币", "备用硬币", "精选硬币", "密码", "加密硬币", "数字硬币", "廉价密码",
    "有前途的密码", "低价硬币", "小市值硬币", "新硬币",
]
FIN_NOUNS_ZH += [
    "采矿池", "采矿钻机", "钻机", "采矿硬件", "产量农业", "收益农业", "交换农业", "农民", "烘焙",
    "赌注", "押注", "节点", "密码市场", "密码交易员", "加密游戏", "边玩边赚", "跑步赚钱", "链游",
    "元宇宙", "协议", "金库", "抵押", "清算", "借来",
]
ACTIVITY_ZH += [
    "烘焙", "押注", "押", "农耕", "铸造 NFT", "赚取密码", "交易密码", "购买密码", "投资密码",
]
# Listicles and dated headlines, with Chinese numerals as well as digits.
LISTICLES_ZH = [
    "长期购买的{cn}大{coinzh}", "现在买最好的{cn}个{coinzh}",
    "{year} 年 {m} 月值得投资的 {n} 个{coinzh}", "{cn}个具有很大潜力的{coinzh}",
    "到 {year} 年，{cn}种具有高潜力的廉价{coinzh}", "如果你想{goal}，买{cn}个{coinzh}",
    "你在 {year} 年买的最好的 {n} 个{coinzh}", "本月{cn}大{crypto}项目",
    "{year} 年 {m} 月{crypto}市场回顾", "{cn}个{crypto}{finzh}，你必须知道",
    "{crypto}{finzh}的{cn}条黄金规则", "帮助你{act}{coinzh}的 {n} 个免费提示",
    "{crypto}投资者必须掌握的{cn}个框架", "在投资{crypto}之前需要监控的 {n} 个指标",
]
CN_NUMS = [
    "一", "两", "三", "四", "五", "六", "七", "八", "九", "十",
]
GOALS_ZH = [
    "成为百万富翁", "战胜通货膨胀", "提前退休", "实现财务自由", "跑赢大盘",
]
# Mining machines described without naming one: hash rate, algorithm, efficiency, payouts.
EUPHEMISMS_EN = [
    "{quiet} {algo} {box} {rate}{unit}, {payout}",
    "{quiet} {box} {rate}{unit} {algo}, {eff}, {payout}",
    "{box} for {coin}, {rate}{unit}, {payout}", "{rate}{unit} {algo} {box}, {eff}",
    "{quiet} {box} that {payout2}, {rate}{unit}",
    "{coin} {box} {rate}{unit}, {eff}, hosting available",
    "Home {box} {rate}{unit} {algo}, {payout}",
    "{algo} hashing {box}, {rate}{unit}, ROI in {n} months",
    "Heater that {payout2}, {rate}{unit} {algo}", "{rate}{unit} machine, {eff}, {payout}",
]
EUPHEMISMS_ZH = [
    "{quietzh}{boxzh} 算力{rate}T {payzh}", "{algo} {boxzh} {rate}T {payzh}",
    "{boxzh} 算力{rate}{unit} 功耗{watts}W {payzh}", "{coinzh}{boxzh} {rate}T 回本{n}个月",
    "家用{boxzh} {rate}T {payzh} 可托管", "{quietzh}取暖器 {rate}T {payzh}",
    "{rate}T {boxzh} {algo} 日产{coinzh}", "算力设备 {rate}T {eff} {payzh}",
]
QUIET = [
    "Quiet", "Silent", "Ultra-quiet", "Low-noise", "Whisper-quiet", "Compact", "Home-use",
    "Efficient", "Plug-and-play", "",
]
BOXES = [
    "box", "unit", "machine", "appliance", "server", "device", "cube", "system", "rig", "node",
    "hashing box", "space heater",
]
PAYOUTS = [
    "pays daily", "daily payouts", "earns BTC every day", "passive income in BTC", "plug and earn",
    "returns paid out daily", "auto payouts to your wallet", "earns while you sleep",
    "daily crypto income", "profits from day one", "pays for itself",
]
PAYOUTS2 = [
    "pays you in bitcoin", "earns crypto", "pays for your power bill in BTC",
    "mines while it heats", "earns DOGE and LTC", "makes coins while you sleep",
]
EFFICIENCY = [
    "{n} J/TH", "{n}J/T", "{watts}W", "{n}.5 J/TH", "efficiency {n} J/TH",
]
QUIET_ZH = [
    "静音", "家用", "超静音", "低噪音", "节能", "迷你", "",
]
BOXES_ZH = [
    "服务器", "机器", "设备", "盒子", "机箱", "主机", "算力机", "机子",
]
PAYOUTS_ZH = [
    "日产稳定", "每天收益", "躺赚", "回本快", "收益日结", "自动到账", "插电就赚", "被动收入",
]
# fmt: on
