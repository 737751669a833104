"""Allowed goods for the classifier's training corpus, written by the project.

General products in English and Chinese, non-crypto courses and finance, and the rubric's
traps (PC parts sold as such, mining as an industry, data mining, games, souvenir coins,
hardware wallets, blockchain technology). The classifier learns what a ban does *not*
cover from these: the frames are ours, the nouns are ordinary shop vocabulary.
"""

from __future__ import annotations

# fmt: off





PRODUCTS_ZH = [
    "连衣裙", "T恤", "衬衫", "牛仔裤", "卫衣", "外套", "羽绒服", "风衣", "西装", "短裤", "半身裙",
    "打底裤", "睡衣", "内衣", "袜子", "帽子", "围巾", "手套", "运动鞋", "凉鞋", "拖鞋", "高跟鞋",
    "帆布鞋", "皮鞋", "雨靴", "背包", "手提包", "钱包", "行李箱", "腰带", "墨镜", "手表", "项链",
    "耳环", "手链", "戒指", "发夹", "口红", "粉底液", "眼线笔", "面膜", "洗面奶", "防晒霜", "香水",
    "洗发水", "沐浴露", "牙膏", "牙刷", "剃须刀", "吹风机", "卷发棒", "手机壳", "钢化膜", "充电器",
    "数据线", "耳机", "音箱", "充电宝", "平板电脑", "笔记本电脑", "鼠标", "键盘", "显示器",
    "路由器", "U盘", "移动硬盘", "内存条", "固态硬盘", "打印机", "墨盒", "摄像头", "智能手表",
    "手环", "投影仪", "电视", "冰箱", "洗衣机", "空调", "电风扇", "取暖器", "电暖器", "加湿器",
    "空气净化器", "扫地机器人", "吸尘器", "电饭煲", "电压力锅", "微波炉", "烤箱", "空气炸锅",
    "豆浆机", "破壁机", "榨汁机", "电水壶", "咖啡机", "面包机", "炒锅", "汤锅", "菜刀", "砧板",
    "碗", "盘子", "筷子", "保温杯", "水杯", "茶具", "茶叶", "咖啡豆", "大米", "食用油", "酱油",
    "零食", "坚果", "巧克力", "饼干", "方便面", "牛奶", "奶粉", "纸尿裤", "婴儿车", "儿童玩具",
    "积木", "拼图", "毛绒玩具", "遥控车", "滑板车", "自行车", "头盔", "跑步机", "哑铃", "瑜伽垫",
    "帐篷", "睡袋", "钓鱼竿", "登山杖", "篮球", "足球", "羽毛球拍", "乒乓球拍", "泳衣", "泳镜",
    "床单", "被套", "枕头", "床垫", "毛毯", "窗帘", "地毯", "沙发", "椅子", "书桌", "衣柜", "鞋柜",
    "书架", "台灯", "吊灯", "灯泡", "插座", "开关", "螺丝刀", "电钻", "扳手", "水管", "水龙头",
    "花洒", "马桶", "垃圾桶", "收纳箱", "衣架", "拖把", "洗洁精", "洗衣液", "纸巾", "猫粮", "狗粮",
    "猫砂", "宠物窝", "鱼缸", "花盆", "种子", "肥料", "绿植", "汽车座套", "行车记录仪", "轮胎",
    "机油", "雨刮器", "车载充电器", "钢笔", "笔记本", "文件夹", "书包", "计算器", "教材", "小说",
    "绘本", "字帖", "试卷", "词典", "吉他", "钢琴", "小提琴", "口琴", "画笔", "颜料", "相机",
    "镜头", "三脚架", "麻将", "扑克牌", "象棋", "围棋", "月饼", "粽子", "礼盒", "红酒", "白酒",
    "啤酒", "茶饮", "保健品", "维生素", "口罩", "体温计", "血压计", "护膝", "按摩椅", "足浴盆",
    "电热毯", "暖宝宝", "旗袍", "汉服", "婚纱", "校服", "工作服", "劳保鞋", "安全帽", "反光背心",
    "灭火器",
]
MODIFIERS_ZH = [
    "新款", "女", "男", "儿童", "夏季", "冬季", "加厚", "纯棉", "真皮", "大码", "小号", "韩版",
    "宽松", "修身", "显瘦", "网红", "同款", "正品", "包邮", "特价", "家用", "商用", "便携", "迷你",
    "无线", "智能", "静音", "大容量", "防水", "耐用", "高档", "简约", "北欧", "复古", "可爱",
    "创意", "原装", "官方", "旗舰店", "2021新款", "秋冬", "春秋", "黑色", "白色", "红色", "粉色",
    "蓝色", "灰色", "不锈钢", "实木", "陶瓷", "玻璃", "硅胶", "加绒", "速干", "透气", "防滑",
    "折叠", "多功能", "套装", "一件代发", "批发", "定制", "手工", "进口", "国产",
]
BRANDS = [
    "xiaomi", "huawei", "nike", "adidas", "lining", "anta", "uniqlo", "zara", "apple", "samsung",
    "sony", "philips", "midea", "haier", "gree", "lenovo", "dell", "hp", "canon", "nikon", "lego",
    "disney", "muji", "ikea", "oppo", "vivo", "dyson", "supor", "joyoung", "casio", "logitech",
    "anker", "baseus", "ugreen", "tp-link",
]
ZH_FRAMES = [
    "{mod}{prod}", "{mod} {prod} {mod2}", "{brand}{prod}", "{brand} {prod} {num}",
    "{prod}{mod}{mod2}", "{prod} {size}", "{mod}{prod} {size} {mod2}", "{prod}", "{brand}{num}",
    "{prod}{prod2}套装", "{prod} 配件", "{prod}专用{prod2}",
]
SIZES = [
    "{n}ml", "{n}g", "{n}kg", "{n}cm", "{n}寸", "{n}码", "{n}件装", "{n}只", "{n}米", "{n}w",
    "{n}l", "{n}mm", "{n}个", "{n}斤", "{n}片",
]

PRODUCTS_EN = [
    "dress", "shirt", "jeans", "hoodie", "jacket", "coat", "sweater", "shorts", "skirt",
    "leggings", "pajamas", "socks", "hat", "scarf", "gloves", "sneakers", "sandals", "boots",
    "slippers", "backpack", "handbag", "wallet", "suitcase", "belt", "sunglasses", "watch",
    "necklace", "earrings", "bracelet", "lipstick", "foundation", "moisturizer", "sunscreen",
    "perfume", "shampoo", "toothbrush", "razor", "hairdryer", "phone", "case", "screen",
    "protector", "charger", "cable", "earbuds", "headphones", "speaker", "power", "bank", "tablet",
    "laptop", "mouse", "keyboard", "monitor", "router", "flash", "drive", "hard", "drive", "SSD",
    "RAM", "printer", "webcam", "smartwatch", "projector", "television", "refrigerator", "washer",
    "air", "conditioner", "fan", "heater", "humidifier", "air", "purifier", "vacuum", "rice",
    "cooker", "microwave", "oven", "air", "fryer", "blender", "kettle", "coffee", "maker",
    "toaster", "frying", "pan", "pot", "knife", "cutting", "board", "plate", "mug", "bottle",
    "tea", "coffee", "olive", "oil", "snacks", "chocolate", "cookies", "diapers", "stroller",
    "toy", "puzzle", "doll", "bicycle", "helmet", "treadmill", "dumbbells", "yoga", "mat", "tent",
    "sleeping", "bag", "fishing", "rod", "basketball", "football", "racket", "swimsuit", "goggles",
    "bedsheet", "pillow", "mattress", "blanket", "curtain", "rug", "sofa", "chair", "desk",
    "wardrobe", "bookshelf", "lamp", "bulb", "socket", "drill", "wrench", "hose", "faucet",
    "showerhead", "toilet", "brush", "trash", "can", "storage", "box", "hanger", "mop",
    "detergent", "tissue", "cat", "food", "dog", "food", "litter", "aquarium", "planter", "seeds",
    "fertilizer", "seat", "cover", "dashcam", "tire", "motor", "oil", "wiper", "pen", "notebook",
    "folder", "calculator", "novel", "dictionary", "guitar", "piano", "violin", "camera", "lens",
    "tripod", "chess", "board", "game", "wine", "vitamins", "mask", "thermometer", "massager",
]
ADJ_EN = [
    "new", "premium", "classic", "vintage", "wireless", "portable", "compact", "waterproof",
    "stainless", "organic", "cotton", "leather", "wooden", "ceramic", "adjustable", "foldable",
    "rechargeable", "ergonomic", "lightweight", "heavy-duty", "kids", "men's", "women's", "unisex",
    "large", "small", "black", "white", "red", "blue", "grey", "pink", "professional", "deluxe",
    "smart", "digital", "LED", "4K", "HD", "mini",
]
EN_FRAMES = [
    "{adj} {prod}", "{brand} {adj} {prod}", "{brand} {prod} {size}", "{adj} {adj2} {prod} {size}",
    "{prod} for {who}, {adj}", "{brand} {num} {prod}", "{adj} {prod}, pack of {n}",
    "{prod} set of {n}, {adj}",
]
SIZES_EN = [
    "{n} oz", "{n} ml", "{n} inch", "{n} cm", "{n}GB", "{n}TB", "{n}W", "{n} lb", "size {n}",
    "{n} pack", "{n}mAh", "{n}V",
]
WHO = [
    "men", "women", "kids", "babies", "dogs", "cats", "home", "office", "travel", "cars",
]

COURSE_TOPICS = [
    "Python", "Java", "JavaScript", "React", "SQL", "Excel", "Power BI", "Tableau",
    "machine learning", "deep learning", "data science", "data analysis", "Photoshop",
    "Illustrator", "graphic design", "UX design", "web development", "digital marketing", "SEO",
    "copywriting", "public speaking", "guitar", "piano", "drawing", "photography", "video editing",
    "accounting", "bookkeeping", "project management", "Agile", "Scrum", "AWS", "Docker",
    "Kubernetes", "Linux", "cybersecurity", "ethical hacking", "networking", "C++", "Unity",
    "Blender", "Spanish", "Chinese", "yoga", "nutrition", "personal finance", "real estate",
    "stock market", "options on stocks", "forex", "financial modeling",
    "value investing in stocks", "Solidity development", "blockchain architecture",
    "smart contract security", "data mining", "text mining", "leadership",
]
COURSE_EN = [
    "The Complete {topic} Course {year}", "{topic} for Beginners", "Learn {topic} from Scratch",
    "{topic} Masterclass: from zero to hero", "Master {topic} in {n} days",
    "{topic} Bootcamp {year}", "Practical {topic}: {n} real projects", "Introduction to {topic}",
    "{topic} Certification Exam Prep", "Advanced {topic} techniques",
]
COURSE_ZH_TOPICS = [
    "Python", "Excel", "PS", "会计", "考研", "英语", "日语", "钢琴", "吉他", "摄影", "剪辑",
    "股票", "基金", "理财", "外汇", "期货", "数据挖掘", "区块链技术", "人工智能", "编程", "书法",
    "绘画", "瑜伽", "烘焙", "公务员考试",
]
COURSE_ZH = [
    "{topic}入门教程", "{topic}课程 视频", "{topic}从入门到精通 书", "{topic}实战 教材",
    "{topic}培训 网课", "零基础学{topic}", "{topic}技巧大全",
]

# The rubric's traps: close to the ban in words, allowed by it.
TRAPS_EN = [
    "NVIDIA GeForce RTX {gpu} graphics card {gb}GB gaming",
    "AMD Radeon RX {amd} {gb}GB GDDR6 gaming GPU", "RTX {gpu} Founders Edition, boxed",
    "Corsair RM{w}x ATX power supply 80 Plus Gold", "{w}W ATX PSU fully modular",
    "Arctic P12 case fan 120mm, {n} pack", "ARGB case fans 140mm, {n} pcs",
    "19 inch server rack {n}U", "Dell PowerEdge R{n}0 server, refurbished",
    "Home NAS server {n}-bay, quiet", "Synology DiskStation DS{n}20+",
    "PCIe x1 to x16 riser for capture cards", "Gold mining pan 15 inch with classifier",
    "Gold prospecting kit with sluice box", "LED mining helmet lamp, rechargeable",
    "Coal miner cap lamp 10000 lux", "Rock and mineral collection, {n} specimens",
    "Data Mining: Concepts and Techniques (book)", "Text mining with R, {n}nd edition",
    "Minecraft diamond pickaxe foam toy", "Minecraft Java edition gift code",
    "Commemorative Bitcoin coin, gold plated souvenir",
    "Physical Bitcoin collectible coin in capsule", "Ledger Nano X hardware wallet for bitcoin",
    "Trezor Model T hardware wallet",
    "Mastering Blockchain development: build a dapp with Solidity",
    "Blockchain Basics: a non-technical introduction (book)",
    "PlayStation Store gift card {n}0 USD", "Steam wallet code {n}0 USD",
    "Roblox Robux {n}00 gift card", "V-Bucks {n}000 for Fortnite",
    "NFT art print framed, limited edition", "Stock trading for beginners: chart patterns",
    "Forex trading strategies that work", "Options trading on the S&P 500",
    "Personal finance and budgeting workbook", "Bitcoin themed t-shirt, funny HODL tee",
    "Oil-filled radiator space heater {w}W", "Quiet tower fan with remote, {n} speeds",
    "Excavator toy, die-cast {n}:50", "Mining truck model, die-cast",
]
TRAPS_ZH = [
    "矿泉水 550ml*{n}瓶 整箱", "天然矿泉水 {n}L 家庭装", "矿灯 头戴式 强光充电", "煤矿 矿工帽灯",
    "挖掘机 模型 合金 儿童玩具", "遥控挖掘机 大号", "我的世界 钻石剑 玩具", "我的世界 周边 手办",
    "比特币纪念币 镀金 收藏", "纪念币 收藏 {n}年", "Q币 {n}个 自动充值", "游戏币 梦幻西游 金币",
    "点卡 魔兽世界 {n}元", "数据挖掘导论 教材", "天然矿石 水晶 原石 摆件",
    "台式机电源 {w}W 金牌 全模组", "RTX{gpu} 显卡 游戏 {gb}G", "显卡 RX{amd} {gb}G 电竞",
    "机箱风扇 12cm {n}个装", "服务器机柜 {n}U", "密码锁 指纹锁 家用 防盗门", "密码箱 行李箱 {n}寸",
    "密码本 带锁 日记本", "加密狗 软件 USB", "加密U盘 {gb}G", "区块链技术指南 书",
    "区块链原理与应用 教材", "硬件钱包 冷钱包", "股票入门 书 炒股技巧", "基金定投 理财书",
    "外汇交易 入门书", "期货交易 实战 书", "投资理财 入门 书籍", "比特犬 幼犬", "金币巧克力 儿童",
    "挖耳勺 套装", "矿物质水 {n}瓶", "采矿 工程 教材", "暖风机 取暖器 家用 {w}W",
    "静音风扇 落地扇", "币 收纳 硬币盒", "游戏王 卡牌",
]

# Finance, trading and "how to" that is not crypto: the ban covers crypto tutorials only.
FIN_ASSETS = [
    "stocks", "options", "forex", "futures", "ETFs", "commodities", "bonds", "real estate",
    "index funds", "penny stocks", "gold", "silver", "the S&P 500", "dividend stocks",
    "mutual funds", "REITs", "FX", "CFDs", "the stock market", "Nasdaq", "growth stocks",
    "value stocks", "small caps", "oil futures",
]
FIN_EN = [
    "{fin} Trading for Beginners", "The Complete Guide to {fin} Trading", "How to Invest in {fin}",
    "{fin} Trading Strategies That Work", "Technical Analysis of {fin}: chart patterns",
    "Day Trading {fin}: a step-by-step guide", "Swing Trading {fin} Masterclass",
    "How I make consistent returns trading {fin}", "Investing in {fin}: the ultimate guide",
    "Profit from {fin} with price action", "Build a {fin} portfolio for retirement",
    "Passive income with {fin}", "{fin} investing 101", "Algorithmic trading of {fin} in Python",
    "Top {n} {fin} to buy this year", "{fin} market psychology: trade without fear",
]
HOWTO_EN = [
    "How to {verb}", "How to {verb}: a step-by-step guide", "The ultimate guide to {verb_ing}",
    "{n} ways to {verb}", "Make money {side}", "How to make money {side}",
    "Earn passive income {side}", "A beginner's guide to {verb_ing}",
    "Learn {verb_ing} in {n} days",
]
VERBS = [
    "start a podcast", "write a novel", "train your dog", "grow tomatoes", "bake bread",
    "lose weight", "learn piano", "sell on Amazon", "build a website", "manage a team",
    "negotiate a salary", "speak in public", "draw portraits", "edit videos", "plan a wedding",
    "start a business", "build muscle", "meditate", "budget your money", "pass the PMP exam",
    "fix a leaking tap", "write a resume", "get more sleep",
]
VERBS_ING = [
    "public speaking", "photography", "gardening", "knitting", "cooking", "freelancing",
    "blogging", "dropshipping", "affiliate marketing", "copywriting", "day hiking", "home brewing",
    "woodworking", "calligraphy",
]
SIDE = [
    "on YouTube", "with Amazon FBA", "freelancing", "with a blog", "on Etsy",
    "with rental property", "with dividends", "teaching online", "with print on demand",
    "as a tutor", "with a food truck",
]
FIN_ZH = [
    "股票", "炒股", "基金", "外汇", "期货", "黄金", "债券", "理财", "期权", "房产", "保险",
    "指数基金", "股市", "A股", "港股", "美股", "可转债", "价值投资",
]
FIN_ZH_FRAMES = [
    "{fzh}入门 书", "{fzh}交易 技巧", "{fzh}投资 指南", "{fzh}实战 教程", "如何{fzh}投资",
    "{fzh}交易策略 从入门到精通", "{fzh}技术分析 K线", "{fzh}定投 攻略", "{fzh}交易心理学",
    "{fzh}投资 课程 视频", "零基础学{fzh}", "{fzh} 被动收入", "{fzh}量化交易 python",
]
HOWTO_ZH = [
    "如何{zhverb}", "如何{zhverb} 书", "怎样{zhverb}", "{zhverb}的{n}个方法", "{zhverb}指南",
    "教你{zhverb}", "{zhverb}技巧", "{zhverb}入门教程",
]
ZH_VERBS = [
    "成为优秀的导游", "做好总经理助理", "跟孩子沟通", "养好多肉", "学好英语", "写好作文",
    "提高记忆力", "减肥", "做蛋糕", "带孩子", "说话", "管理时间", "理财", "开网店", "做直播",
    "谈恋爱", "面试", "考研", "拍照", "化妆", "养猫", "钓鱼", "种菜", "做PPT", "学编程", "赚钱",
    "创业", "做自媒体", "投资自己", "写小说", "画画", "健身", "弹吉他",
]
ZH_BOOKS = [
    "一个人的{n}年", "{n}岁的{noun}", "{noun}的故事", "我的{noun}", "{noun}与{noun2}",
    "{noun}简史", "{noun}全集", "如果{noun}会说话", "{noun}之路",
]
BOOK_NOUNS = [
    "青春", "时间", "人生", "中国", "世界", "父亲", "母亲", "孩子", "城市", "江湖", "宇宙", "秘密",
    "密码", "财富", "金钱", "未来", "自由", "勇气", "少年", "故乡",
]
PLATFORM_COINS = [
    "快手", "抖音", "Q", "游戏", "书", "K", "斗鱼", "虎牙", "B站", "网易", "米哈游", "王者荣耀",
    "和平精英", "原神", "淘", "积分", "彩虹", "金", "银",
]
COIN_TRAPS_ZH = [
    "{pcoin}币 充值", "{pcoin}币 {n}00个", "{pcoin}币 代充", "{pcoin}币 自动到账",
    "话费代充 {n}0元", "游戏代充 {pcoin}", "会员代充 {n}个月", "余额代充值 {n}元",
    "{pcoin}点券 充值", "硬币 {n}枚 收藏", "{pcoin}币 兑换码",
]

# Mirrors: the crypto tutorial frames filled with ordinary finance, labelled allowed, so that
# the model learns the coin is what matters, not "trading", "strategy" or "如何…指南".
BROKERS = [
    "Robinhood", "eToro", "Interactive Brokers", "TD Ameritrade", "Fidelity", "Vanguard", "Schwab",
    "Webull", "同花顺", "东方财富", "雪球", "券商", "银行", "支付宝", "天天基金",
]
FIN_ACT_EN = [
    "trading", "investing", "day trading", "swing trading", "options trading",
    "dividend investing", "value investing", "index investing", "scalping", "budgeting",
]
FIN_ACT_ZH = [
    "交易", "投资", "定投", "抄底", "做空", "做多", "量化交易", "波段交易", "日内交易", "购买",
    "买入", "持有", "理财", "套利", "杠杆交易", "期货交易", "期权交易", "炒股", "选股",
]
FIN_NOUNS_ZH = [
    "投资者", "投资", "市场", "交易者", "组合", "投资组合", "收益", "回报", "利润", "价格", "行情",
    "熊市", "牛市", "泡沫", "风险", "策略", "信号", "图表", "趋势", "机会", "分红", "期货", "杠杆",
    "技术分析", "基本面", "财富", "被动收入", "利率", "债券收益率",
]
FIN_NOUNS_EN = [
    "investors", "portfolio", "market", "traders", "returns", "profits", "price", "bear market",
    "bull run", "strategy", "signals", "charts", "trends", "dividends", "leverage",
    "price targets", "technical analysis", "passive income", "gains",
]

# Physical money and coins, seals and locks: "币" and "密" in ordinary goods.
NUMISMATICS_ZH = [
    "{year}年{n}分硬币", "一角纸币 收藏", "五角硬币 {year}", "古币 回收", "铜币 法器",
    "第三套人民币 空册", "纪念钞 {n}元", "银元 袁大头", "外国硬币 {n}枚", "硬币收藏册",
    "假钱 道具 纸币", "两面一样的硬币 魔术", "金币 巧克力", "硬币 分类 机", "撒币枪 道具",
    "游戏币 回收", "q币回收", "点券 回收", "人民币 收藏 {year}", "清代 铜钱",
]
SEALS_ZH = [
    "密封圈 {n}mm", "密封条 门窗", "保密柜", "密码锁 一次性", "解密 plc", "加密 网格 蚊帐",
    "加密 丝网", "密封罐 玻璃", "秘密花园 涂色书", "维多利亚的秘密 香水", "数列的秘密 书",
    "密码学 教材", "密度板 {n}mm", "加密 钢丝 围栏",
]
INSTRUMENTS = [
    "Piano", "Guitar", "Trumpet", "Percussion", "Drums", "Violin", "Ukulele", "Bass", "Saxophone",
    "Singing", "Chess", "Poker", "Golf", "Tennis", "Excel", "Photography",
]
SKILL_COURSES = [
    "Learn to Play the {inst}: Beginner to Pro Made the Easy Way",
    "{inst} From Zero To Pro - Beginner Essentials", "Hands-On {inst}: The Beginner's Guide",
    "{inst} for Absolute Beginners", "Worship {inst}: From Beginner to Pro",
    "The Ultimate {inst} Course: Tips and Tricks", "Master the Basics of {inst}",
    "{inst} Made Easy: {n} Lessons",
]
# Hardware wallets and wallet accessories: named by crypto, not banned by it (rubric).
WALLETS = [
    "{wb} {wm} hardware wallet", "{wb} {wm} crypto cold wallet",
    "{wb} {wm} wallet for bitcoin and ethereum", "Crypto hardware wallet {wb} {wm}, sealed",
    "Cold storage wallet {wb}, bluetooth", "Steel seed phrase backup plate for crypto wallets",
    "{wb} {wm} case and lanyard", "{wb} 硬件钱包 {wm}", "冷钱包 {wb} 数字货币 硬件钱包",
    "比特币硬件钱包 {wb}", "加密货币 冷钱包 {wb} 正品", "助记词 钢板 备份", "硬件钱包 保护套 {wb}",
]
WALLET_BRANDS = [
    "Ledger", "Trezor", "Keystone", "SafePal", "BitBox", "Ellipal", "Coldcard", "Tangem", "OneKey",
    "库神",
]
WALLET_MODELS = [
    "Nano S", "Nano X", "Nano S Plus", "Model T", "Model One", "Safe 3", "S1", "Pro", "02",
    "Titan", "Mk4", "Classic",
]
# "T" is terabytes or tonnes far more often than terahashes: sizes and loads in shop titles.
T_UNITS = [
    "{brand} {n}t 移动硬盘", "{n}T 硬盘 监控专用", "mybook {n}t", "{n}t nas 硬盘",
    "{n}TB external hard drive", "{n}T 固态硬盘 m2", "m2 {n}t", "{n}t 叉车", "{n}t 千斤顶 液压",
    "{n}吨 {n}t 吊带", "{n}t 电动葫芦", "{num} {n}t", "ssd {n}t nvme", "{n}T SATA HDD 7200rpm",
    "{n}t 机械硬盘 台式机",
]
# fmt: on
