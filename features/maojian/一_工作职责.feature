# language: zh-CN
功能: 一、知识产权服务机构工作职责
  本文件收录《知识产权服务机构工作机制》第一部分的条款。

  @s1.1-leadership
  规则: 领导高度重视知识产权工作
    原文: 知识产权服务机构所属园区或机构领导高度重视知识产权工作
    译文: The leadership of the park or institution to which the intellectual property service institution belongs attaches great importance to intellectual property work

  @s1.1-signage
  规则: 安装统一的宣传标识和指引牌
    原文: 安装统一的宣传标识、形象墙、资源数据库展示牌和服务指引牌等。
    译文: Install uniform publicity signage, an image wall, resource-database display boards, service guide boards, etc.

    场景: 四种统一标识都已安装
      假如台账中有"工作站检查"记录:
        | 案件编号 | 检查日期 | 宣传标识 | 形象墙 | 资源数据库展示牌 | 服务指引牌 |
        | 工作站-东城经济开发区 | 2026-03-12 | 是 | 是 | 是 | 是 |
      当检查台账
      那么案件"工作站-东城经济开发区"按条款"s1.1-signage"的结论为"合规"

    场景: 缺少资源数据库展示牌
      假如台账中有"工作站检查"记录:
        | 案件编号 | 检查日期 | 宣传标识 | 形象墙 | 资源数据库展示牌 | 服务指引牌 |
        | 工作站-茅塔乡 | 2026-03-14 | 是 | 是 | 否 | 是 |
      当检查台账
      那么案件"工作站-茅塔乡"按条款"s1.1-signage"的结论为"违规"
      而且说明中包含"未安装资源数据库展示牌"

    场景: 没有记录形象墙，其余齐全，无法判定
      假如台账中有"工作站检查"记录:
        | 案件编号 | 检查日期 | 宣传标识 | 资源数据库展示牌 | 服务指引牌 |
        | 工作站-白浪经济开发区 | 2026-03-13 | 是 | 是 | 是 |
      当检查台账
      那么案件"工作站-白浪经济开发区"按条款"s1.1-signage"的结论为"无法判定"

  @s1.1-investment
  规则: 加强资金和人才投入
    原文: 加强对工作站的资金和人才投入
    译文: Strengthen the investment of funds and personnel in the workstation

  @s1.1-office
  规则: 设置不小于15平方米的办公场所
    原文: 设置面积不小于15平方米的固定办公场所
    译文: Set up a fixed office space with an area of no less than 15 square metres

    场景: 固定办公场所20平方米，达到15平方米
      假如台账中有"工作站检查"记录:
        | 案件编号 | 检查日期 | 固定办公场所 | 办公面积（平方米） |
        | 工作站-东城经济开发区 | 2026-03-12 | 是 | 20 |
      当检查台账
      那么案件"工作站-东城经济开发区"按条款"s1.1-office"的结论为"合规"

    场景: 办公面积恰好15平方米，不小于15平方米
      假如台账中有"工作站检查"记录:
        | 案件编号 | 检查日期 | 固定办公场所 | 办公面积（平方米） |
        | 工作站-白浪经济开发区 | 2026-03-13 | 是 | 15 |
      当检查台账
      那么案件"工作站-白浪经济开发区"按条款"s1.1-office"的结论为"合规"

    场景: 办公面积12平方米，小于15平方米
      假如台账中有"工作站检查"记录:
        | 案件编号 | 检查日期 | 固定办公场所 | 办公面积（平方米） |
        | 工作站-茅塔乡 | 2026-03-14 | 是 | 12 |
      当检查台账
      那么案件"工作站-茅塔乡"按条款"s1.1-office"的结论为"违规"
      而且说明中包含"小于规定的15平方米"

    场景: 面积够但不是固定办公场所
      假如台账中有"工作站检查"记录:
        | 案件编号 | 检查日期 | 固定办公场所 | 办公面积（平方米） |
        | 工作站-汽车工业园 | 2026-03-15 | 否 | 30 |
      当检查台账
      那么案件"工作站-汽车工业园"按条款"s1.1-office"的结论为"违规"
      而且说明中包含"没有固定办公场所"

    场景: 检查记录没有写面积，无法判定
      假如台账中有"工作站检查"记录:
        | 案件编号 | 检查日期 | 固定办公场所 |
        | 工作站-东城经济开发区 | 2026-03-12 | 是 |
      当检查台账
      那么案件"工作站-东城经济开发区"按条款"s1.1-office"的结论为"无法判定"

  @s1.1-staff
  规则: 配备1至2名专职工作人员
    原文: 配备1至2名专职工作人员
    译文: Assign 1 to 2 full-time staff members

    场景: 配备1名专职工作人员
      假如台账中有"工作站检查"记录:
        | 案件编号 | 检查日期 | 专职工作人员人数 |
        | 工作站-东城经济开发区 | 2026-03-12 | 1 |
      当检查台账
      那么案件"工作站-东城经济开发区"按条款"s1.1-staff"的结论为"合规"

    场景: 只列姓名未填人数，按姓名计为2名
      假如台账中有"工作站检查"记录:
        | 案件编号 | 检查日期 | 专职工作人员 |
        | 工作站-白浪经济开发区 | 2026-03-13 | 刘洋、周婷 |
      当检查台账
      那么案件"工作站-白浪经济开发区"按条款"s1.1-staff"的结论为"合规"

    场景: 配备3名专职工作人员，按下限解读不违规
      假如台账中有"工作站检查"记录:
        | 案件编号 | 检查日期 | 专职工作人员人数 |
        | 工作站-汽车工业园 | 2026-03-15 | 3 |
      当检查台账
      那么案件"工作站-汽车工业园"按条款"s1.1-staff"的结论为"合规"

    场景: 没有专职工作人员
      假如台账中有"工作站检查"记录:
        | 案件编号 | 检查日期 | 专职工作人员人数 |
        | 工作站-茅塔乡 | 2026-03-14 | 0 |
      当检查台账
      那么案件"工作站-茅塔乡"按条款"s1.1-staff"的结论为"违规"
      而且说明中包含"少于规定的1名"

  @s1.1-equipment
  规则: 配置办公设备保证有序运行
    原文: 配置上网计算机、打印机等办公设备，保证工作站的相关工作有序运行。
    译文: Provide office equipment such as internet-connected computers and printers, ensuring that the relevant work of the workstation runs in an orderly way.

    场景: 配置了上网计算机和打印机
      假如台账中有"工作站检查"记录:
        | 案件编号 | 检查日期 | 上网计算机 | 打印机 |
        | 工作站-东城经济开发区 | 2026-03-12 | 是 | 是 |
      当检查台账
      那么案件"工作站-东城经济开发区"按条款"s1.1-equipment"的结论为"合规"

    场景: 有计算机但没有打印机
      假如台账中有"工作站检查"记录:
        | 案件编号 | 检查日期 | 上网计算机 | 打印机 |
        | 工作站-茅塔乡 | 2026-03-14 | 是 | 否 |
      当检查台账
      那么案件"工作站-茅塔乡"按条款"s1.1-equipment"的结论为"违规"
      而且说明中包含"没有配置打印机"

    场景: 检查记录没有写打印机，无法判定
      假如台账中有"工作站检查"记录:
        | 案件编号 | 检查日期 | 上网计算机 |
        | 工作站-白浪经济开发区 | 2026-03-13 | 是 |
      当检查台账
      那么案件"工作站-白浪经济开发区"按条款"s1.1-equipment"的结论为"无法判定"

  @s1.2-training
  规则: 组织宣讲及业务培训
    原文: 组织开展知识产权法律法规、政策宣讲及业务培训，提高所在区域或行业知识产权保护意识和能力。
    译文: Organise presentations on intellectual property laws, regulations and policies, as well as professional training, to raise awareness of and capacity for intellectual property protection in the region or industry concerned.

    场景: 2025年度宣讲培训6次
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 宣讲培训场次 |
        | 工作站-东城经济开发区 | 2025 | 6 |
      当检查台账
      那么案件"工作站-东城经济开发区"按条款"s1.2-training"的结论为"合规"

    场景: 2025年度全年没有宣讲培训
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 宣讲培训场次 |
        | 工作站-茅塔乡 | 2025 | 0 |
      当检查台账
      那么案件"工作站-茅塔乡"按条款"s1.2-training"的结论为"违规"
      而且说明中包含"未开展知识产权宣讲培训"

    场景: 2026年度尚未结束，暂无宣讲培训，无法判定
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 宣讲培训场次 |
        | 工作站-白浪经济开发区 | 2026 | 0 |
      当以"2026-06-30"为审计基准日检查台账
      那么案件"工作站-白浪经济开发区"按条款"s1.2-training"的结论为"无法判定"
      而且说明中包含"尚未结束"

  @s1.2-publicity
  规则: 开展日常宣传
    原文: 开展知识产权日常宣传，强化知识产权保护氛围。
    译文: Carry out day-to-day intellectual property publicity, strengthening a climate of intellectual property protection.

    场景: 2025年度日常宣传12次
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 日常宣传次数 |
        | 工作站-东城经济开发区 | 2025 | 12 |
      当检查台账
      那么案件"工作站-东城经济开发区"按条款"s1.2-publicity"的结论为"合规"

    场景: 2025年度全年没有日常宣传
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 日常宣传次数 |
        | 工作站-茅塔乡 | 2025 | 0 |
      当检查台账
      那么案件"工作站-茅塔乡"按条款"s1.2-publicity"的结论为"违规"
      而且说明中包含"未开展知识产权日常宣传"

    场景: 2026年度尚未结束，暂无日常宣传，无法判定
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 日常宣传次数 |
        | 工作站-白浪经济开发区 | 2026 | 0 |
      当以"2026-06-30"为审计基准日检查台账
      那么案件"工作站-白浪经济开发区"按条款"s1.2-publicity"的结论为"无法判定"
      而且说明中包含"尚未结束"

  @s1.3-consulting
  规则: 开展政策法规及业务咨询
    原文: 开展知识产权政策法规及业务咨询，为服务对象提供政策指引和业务解答。
    译文: Provide consultation on intellectual property policies, laws and regulations and on business matters, giving service recipients policy guidance and answers to business questions.

    场景: 2025年度咨询服务85次
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 咨询服务人次 |
        | 工作站-东城经济开发区 | 2025 | 85 |
      当检查台账
      那么案件"工作站-东城经济开发区"按条款"s1.3-consulting"的结论为"合规"

    场景: 2025年度全年没有咨询服务
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 咨询服务人次 |
        | 工作站-茅塔乡 | 2025 | 0 |
      当检查台账
      那么案件"工作站-茅塔乡"按条款"s1.3-consulting"的结论为"违规"
      而且说明中包含"未开展知识产权咨询服务"

    场景: 2026年度尚未结束，暂无咨询服务，无法判定
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 咨询服务人次 |
        | 工作站-白浪经济开发区 | 2026 | 0 |
      当以"2026-06-30"为审计基准日检查台账
      那么案件"工作站-白浪经济开发区"按条款"s1.3-consulting"的结论为"无法判定"
      而且说明中包含"尚未结束"

  @s1.3-visits
  规则: 走访调研并形成园区工作档案
    原文: 坚持开展走访调研，掌握服务对象知识产权保护需求及困难，形成园区工作档案
    译文: Persistently conduct visits and surveys, learn the intellectual property protection needs and difficulties of service recipients, and compile park work files

    场景: 全年走访调研24次，已形成园区工作档案
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 走访调研次数 | 园区工作档案 |
        | 工作站-东城经济开发区 | 2025 | 24 | 是 |
      当检查台账
      那么案件"工作站-东城经济开发区"按条款"s1.3-visits"的结论为"合规"

    场景: 走访调研了但没有形成园区工作档案
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 走访调研次数 | 园区工作档案 |
        | 工作站-汽车工业园 | 2025 | 10 | 否 |
      当检查台账
      那么案件"工作站-汽车工业园"按条款"s1.3-visits"的结论为"违规"
      而且说明中包含"未形成园区工作档案"

    场景: 全年没有走访调研
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 走访调研次数 | 园区工作档案 |
        | 工作站-茅塔乡 | 2025 | 0 | 是 |
      当检查台账
      那么案件"工作站-茅塔乡"按条款"s1.3-visits"的结论为"违规"
      而且说明中包含"未坚持开展走访调研"

    场景: 年度记录没有写是否形成档案，无法判定
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 走访调研次数 |
        | 工作站-白浪经济开发区 | 2025 | 8 |
      当检查台账
      那么案件"工作站-白浪经济开发区"按条款"s1.3-visits"的结论为"无法判定"

  @s1.3-resources
  规则: 对接公共服务资源
    原文: 对接市区两级公共服务资源，形成快速沟通解决机制。
    译文: Connect with public service resources at both the municipal and district levels, forming a mechanism for rapid communication and resolution.

  @s1.4-coaching
  规则: 提供知识产权业务辅导
    原文: 为服务对象提供知识产权创造、保护、运用及信息检索利用等业务辅导。
    译文: Provide service recipients with coaching on intellectual property creation, protection, utilisation, information retrieval and use, and similar matters.

    场景: 2025年度业务辅导9次
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 业务辅导次数 |
        | 工作站-东城经济开发区 | 2025 | 9 |
      当检查台账
      那么案件"工作站-东城经济开发区"按条款"s1.4-coaching"的结论为"合规"

    场景: 2025年度全年没有业务辅导
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 业务辅导次数 |
        | 工作站-茅塔乡 | 2025 | 0 |
      当检查台账
      那么案件"工作站-茅塔乡"按条款"s1.4-coaching"的结论为"违规"
      而且说明中包含"未提供知识产权业务辅导"

    场景: 2026年度尚未结束，暂无业务辅导，无法判定
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 业务辅导次数 |
        | 工作站-白浪经济开发区 | 2026 | 0 |
      当以"2026-06-30"为审计基准日检查台账
      那么案件"工作站-白浪经济开发区"按条款"s1.4-coaching"的结论为"无法判定"
      而且说明中包含"尚未结束"

  @s1.4-systems
  规则: 引导建立工作制度
    原文: 引导服务对象建立和完善知识产权工作制度
    译文: Guide service recipients to establish and improve their intellectual property work systems

  @s1.4-exchange
  规则: 推动交流和业务合作
    原文: 推动跨区域、跨行业的知识产权交流和业务合作。
    译文: Promote cross-regional and cross-industry intellectual property exchanges and business cooperation.

  @s1.5-mechanism
  规则: 建立纠纷处理机制
    原文: 建立知识产权纠纷处理机制
    译文: Establish an intellectual property dispute-handling mechanism

    场景: 已建立纠纷处理机制
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 纠纷处理机制 |
        | 工作站-东城经济开发区 | 2025 | 是 |
      当检查台账
      那么案件"工作站-东城经济开发区"按条款"s1.5-mechanism"的结论为"合规"

    场景: 没有建立纠纷处理机制
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 纠纷处理机制 |
        | 工作站-茅塔乡 | 2025 | 否 |
      当检查台账
      那么案件"工作站-茅塔乡"按条款"s1.5-mechanism"的结论为"违规"

  @s1.5-leads
  规则: 收集报告纠纷线索
    原文: 收集报告知识产权纠纷线索
    译文: Collect and report leads on intellectual property disputes

    场景: 收集的5条纠纷线索全部报告
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 收集纠纷线索数 | 报告纠纷线索数 |
        | 工作站-东城经济开发区 | 2025 | 5 | 5 |
      当检查台账
      那么案件"工作站-东城经济开发区"按条款"s1.5-leads"的结论为"合规"

    场景: 全年没有收集到纠纷线索，无须报告
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 收集纠纷线索数 | 报告纠纷线索数 |
        | 工作站-白浪经济开发区 | 2025 | 0 | 0 |
      当检查台账
      那么案件"工作站-白浪经济开发区"按条款"s1.5-leads"的结论为"合规"

    场景: 收集7条只报告4条
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 收集纠纷线索数 | 报告纠纷线索数 |
        | 工作站-汽车工业园 | 2025 | 7 | 4 |
      当检查台账
      那么案件"工作站-汽车工业园"按条款"s1.5-leads"的结论为"违规"
      而且说明中包含"3条未报告"

    场景: 只写了收集数没有写报告数，无法判定
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 收集纠纷线索数 |
        | 工作站-茅塔乡 | 2025 | 2 |
      当检查台账
      那么案件"工作站-茅塔乡"按条款"s1.5-leads"的结论为"无法判定"

  @s1.5-mediation
  规则: 积极开展纠纷调解
    原文: 积极开展知识产权纠纷调解
    译文: Actively carry out mediation of intellectual property disputes

  @s1.5-resources
  规则: 对接保护资源实现快速维权
    原文: 对接市区两级各类保护资源，实现快速维权。
    译文: Connect with all kinds of protection resources at both the municipal and district levels, achieving rapid rights protection.

  @s1.6-basis
  规则: 立足主体特点开展特色服务
    原文: 立足工作站建设主体特点，开展特色服务。
    译文: Based on the characteristics of the entity that built the workstation, carry out special services.

    场景: 开展了高价值专利培育和供需对接两类特色服务
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 特色服务 |
        | 工作站-东城经济开发区 | 2025 | 培育引导、供需对接 |
      当检查台账
      那么案件"工作站-东城经济开发区"按条款"s1.6-basis"的结论为"合规"
      而且说明中包含"特色服务2类"

    场景: 全年没有开展任何特色服务
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 特色服务 |
        | 工作站-茅塔乡 | 2025 | 无 |
      当检查台账
      那么案件"工作站-茅塔乡"按条款"s1.6-basis"的结论为"违规"

    场景: 年度记录没有写特色服务，无法判定
      假如台账中有"工作站年度工作"记录:
        | 案件编号 | 年度 | 宣讲培训场次 |
        | 工作站-白浪经济开发区 | 2025 | 4 |
      当检查台账
      那么案件"工作站-白浪经济开发区"按条款"s1.6-basis"的结论为"无法判定"

  @s1.6-cultivation
  规则: 开展培育引导工作
    原文: 一是开展高价值专利、优势商标、优质地理标志等培育引导工作；
    译文: First, carry out cultivation and guidance work for high-value patents, strong trademarks, high-quality geographical indications, and the like;

  @s1.6-coordination
  规则: 协调保护资源并协助维权执法
    原文: 二是协调人民调解、公证等相关知识产权保护资源，知识产权纠纷化解成效显著；协助开展展会维权援助等知识产权维权援助和执法工作；探索开展海外知识产权预警及维权服务；
    译文: Second, coordinate people's mediation, notarisation and other related intellectual property protection resources, with notable results in resolving intellectual property disputes; assist in intellectual property rights-protection assistance and enforcement work such as rights-protection assistance at exhibitions; explore providing overseas intellectual property early-warning and rights-protection services;

  @s1.6-transfer
  规则: 推动转化实施并促进运用
    原文: 三是组织开展供需对接等活动，推动知识产权转化实施；协助开展知识产权金融（如质押、保险等）服务等，促进知识产权运用；
    译文: Third, organise activities such as supply-and-demand matchmaking to promote the transfer and implementation of intellectual property; assist in providing intellectual property financial services (such as pledges, insurance, etc.) and the like, to promote the utilisation of intellectual property;

  @s1.6-industry
  规则: 发挥行业引领作用
    原文: 四是发挥行业引领作用，带动产业链上下游企业知识产权水平提升等；
    译文: Fourth, play a leading role in the industry, driving improvement of the intellectual property level of upstream and downstream enterprises in the industrial chain, and the like;

  @s1.6-other
  规则: 其他特色工作
    原文: 五是其他知识产权特色工作。
    译文: Fifth, other special intellectual property work.
