// Content tables for the sandbox world generator: names, companies, call
// transcripts and SMS texts for the fictional lighting company "Maison Lumière".
//
// Everything here is pure, deterministic data. All people, companies, order
// numbers, phone numbers and addresses are fictional. Texts may contain the
// placeholders `{user}` (first name of our employee) and `{team}` (our company
// name) and no other placeholder.

// Only needed so `Double.rounded` links against libm when this file is compiled on its own on Linux.
import Foundation

enum SeedLanguage: Sendable { case french, english }

enum SeedSpeaker: String, Sendable { case agent = "AGENT", external = "EXTERNAL", user = "USER" }

struct SeedScriptLine: Sendable {
    let speaker: SeedSpeaker
    let start: Double
    let end: Double
    let text: String
}

enum SeedCallOutcome: Sendable { case answered, voicemail, transferredToAI, transferredExternal }

struct SeedCallScript: Sendable {
    let language: SeedLanguage
    let outcome: SeedCallOutcome
    let inbound: Bool
    let summary: String
    let tags: [String]
    let lines: [SeedScriptLine]
    var duration: Int { Int((lines.last?.end ?? 0).rounded(.up)) + 3 }
}

struct SeedTextTemplate: Sendable {
    let language: SeedLanguage
    let inbound: Bool
    let text: String
}

/// A transcript line before timings are assigned.
private struct SeedDraftLine: Sendable {
    let speaker: SeedSpeaker
    let text: String
    /// Extra silence before the line (hold music, a beep, someone looking something up).
    let pause: Double
}

enum SeedContent {
    static let teamName: String = "Maison Lumière"

    static let tagNames: [(name: String, color: String)] = [
        (name: "interested", color: "#2E7D32"),
        (name: "follow_up_later", color: "#F9A825"),
        (name: "to_call_back", color: "#1E88E5"),
        (name: "not_interested", color: "#757575"),
        (name: "meeting_booked", color: "#8E24AA"),
        (name: "billing", color: "#EF6C00"),
        (name: "support", color: "#00897B"),
        (name: "vip", color: "#C9A227"),
    ]

    // MARK: - People

    static let frenchFirstNames: [String] = [
        "Élodie", "Frédéric", "Hélène", "François", "Zoé", "Anaïs", "Noël", "Loïc",
        "Bénédicte", "Cécile", "Jérôme", "Gaëlle", "Maëlys", "Théo", "Chloé", "Léa",
        "Inès", "Mathéo", "Raphaël", "Gaël", "Clémence", "Valérie", "Sébastien", "Stéphane",
        "Aurélie", "Amélie", "Mélanie", "Léonie", "Joséphine", "Margaux", "Camille", "Lucie",
        "Julien", "Antoine", "Mathilde", "Benoît", "Jérémie", "Thérèse", "Agnès", "Océane",
        "Maïwenn", "Éléonore", "Renée", "Aimé", "Célestin", "Honoré", "Irène", "Félix",
        "Solène", "Ophélie", "Timothée", "Héloïse", "Gérald", "Émile", "Céline", "Thaïs",
        "Nathanaël", "Bastien", "Laure", "Hugo", "Louise", "Manon", "Étienne", "Clément",
        "Adèle", "Maxime", "Pauline", "Yannick", "Capucine", "Rémi",
    ]

    static let frenchLastNames: [String] = [
        "Lefèvre", "Dupré", "Bérard", "Crémieux", "Côté", "Giraud", "Mercier", "Faure",
        "Lemaître", "Bénard", "Rousseau", "D'Arcy", "Le Goff", "Garnier", "Morel", "Lemoine",
        "Vasseur", "Girard", "Chevalier", "Fontaine", "Bouchard", "Lévêque", "Béranger", "Gauthier",
        "Perrin", "Masson", "Leclerc", "Rivière", "Deschamps", "Brunet", "Barthélemy", "Delacroix",
        "Pelletier", "Caron", "Roux", "Lambert", "Marchand", "Desmarais", "Le Bihan", "Kerbrat",
        "Thébault", "Hébert", "Lécuyer", "Létourneau", "Ménard", "Prévost", "Renaud", "Sénéchal",
        "Tessier", "Vidal", "Carré", "Poirier", "Jolivet", "L'Hôte", "D'Aubigné", "Lefebvre",
        "Guérin", "Lagarde", "Château", "Boulanger", "Saint-Clair", "Michaud", "Besnard", "Aubert",
    ]

    static let englishFirstNames: [String] = [
        "Emily", "Olivia", "James", "Oliver", "Amelia", "Harry", "Sophie", "Jack",
        "Charlotte", "Thomas", "Grace", "William", "Chloe", "Daniel", "Hannah", "Matthew",
        "Rachel", "Ethan", "Megan", "Nathan", "Priya", "Marcus", "Dana", "Jordan",
        "Taylor", "Harriet", "Graham", "Eleanor", "Liam", "Ava", "Noah", "Isla",
        "Mason", "Ruby", "Lucas", "Freya", "Caleb", "Zoe", "Samuel", "Abigail",
        "Benjamin", "Evelyn", "Henry", "Madison", "Owen", "Poppy", "Ryan", "Scarlett",
        "Tyler", "Imogen", "Connor", "Maya", "Declan", "Siobhan", "Aaron", "Brooke",
    ]

    static let englishLastNames: [String] = [
        "Smith", "Johnson", "Williams", "Brown", "Taylor", "Davies", "Evans", "Wilson",
        "Roberts", "O'Brien", "McAllister", "Ashdown-Clarke", "Whitfield", "Kowalski", "Bell", "Novak",
        "Brennan", "Hughes", "Gallagher", "Cole", "Medina", "Raman", "Patel", "Campbell",
        "MacDonald", "O'Connor", "O'Neill", "Fitzgerald", "Harrington", "Bennett", "Carter", "Mitchell",
        "Parker", "Turner", "Collins", "Morgan", "Cooper", "Reed", "Foster", "Hayes",
        "Price", "Sullivan", "Walsh", "Murphy", "Russell", "Hamilton", "Wallace", "Ellis",
        "Fletcher", "Lloyd-Davies", "Stewart", "McKenzie", "D'Souza", "Okafor", "Nguyen", "Ramirez",
    ]

    static let cjkNames: [(first: String, last: String)] = [
        (first: "太郎", last: "山田"),
        (first: "花子", last: "佐藤"),
        (first: "健二", last: "渡辺"),
        (first: "美咲", last: "鈴木"),
        (first: "翔", last: "高橋"),
        (first: "陽菜", last: "田中"),
        (first: "結衣", last: "伊藤"),
        (first: "娜", last: "李"),
        (first: "伟", last: "陈"),
        (first: "芳", last: "王"),
        (first: "静", last: "张"),
        (first: "磊", last: "刘"),
        (first: "秀英", last: "黄"),
        (first: "민준", last: "김"),
        (first: "서연", last: "이"),
        (first: "지훈", last: "박"),
        (first: "하은", last: "최"),
        (first: "도윤", last: "정"),
    ]

    static let companies: [String] = [
        "Boulangerie Légère", "Café Émile", "東京トレーディング", "Nordlys Studio",
        "Acme Corp", "Hôtel des Tilleuls", "Atelier Verrier du Jura", "Ligne Claire Architectes",
        "Lumen Pose Aquitaine", "Atelier Garance", "Harlow Finch Partners", "Greenhaus Architects",
        "Cedar & Stone", "Bayfront Hospitality Group", "Brightwire Electrical", "Brasserie du Canal",
        "Pâtisserie Bérénice", "Librairie L'Écume", "Studio Néroli", "Fauré & Fils",
        "Crèmerie des Halles", "Domaine de la Côte Dorée", "Agence Épure", "Cabinet Dentaire Saint-Éloi",
        "Château Bellerive Événements", "Oakridge Interiors", "Redwood & Co.", "Hollis Design Build",
        "Marlowe Property Group", "Kingsbridge Lettings", "Thistle & Pine", "Northgate Dental",
        "上海光华贸易有限公司", "大阪デザイン工房", "서울 인테리어 스튜디오", "Rivergate Hotels",
        "Ferme Saint-Aubin", "Atelier Cœur de Lin", "Bistrot Le Mésange", "Copperleaf Kitchens",
        "Halcyon Workspace", "Les Ateliers Réunis", "Blackthorn Realty", "Galerie Ocre & Ombre",
    ]

    static let frenchJobTitles: [String] = [
        "Architecte d’intérieur", "Gérante", "Directeur technique", "Responsable des achats",
        "Cheffe de projet", "Comptable", "Électricien", "Décoratrice",
        "Directrice générale", "Assistante de direction", "Conducteur de travaux", "Propriétaire",
        "Directeur d’hôtel", "Chargée d’affaires", "Responsable administrative et financière", "Restaurateur",
        "Responsable des services généraux",
    ]

    static let englishJobTitles: [String] = [
        "Interior Designer", "Project Manager", "Procurement Manager", "Owner",
        "General Contractor", "Office Manager", "Accounts Payable Specialist", "Lighting Designer",
        "Architect", "Facilities Manager", "Creative Director", "Hotel General Manager",
        "Purchasing Director", "Showroom Manager", "Operations Director", "Electrician",
        "Property Developer",
    ]

    // MARK: - Call scripts

    static let callScripts: [SeedCallScript] = frenchScripts + englishScripts

    private static let frenchScripts: [SeedCallScript] = [
        // Inbound sales enquiry, AI greets then the user picks up.
        script(.french, .answered, inbound: true, tags: ["interested"],
               summary: """
               **Demande d’information – suspensions Opaline**
               - Mme Bérard cherche un éclairage pour une table de 2,40 m : 3 suspensions Opaline de 35 cm en laiton conseillées.
               - Prix indiqué : 1 260 € + 180 € de pose ; laiton brossé en stock (10 jours), patiné sur commande (4 à 5 semaines).
               - **Prochaine étape :** envoyer le devis par e-mail aujourd’hui ; visite du showroom prévue samedi.
               """,
               lines: [
                   agent("Bonjour et bienvenue chez {team}. Je vous mets en relation avec un conseiller, merci de patienter un instant."),
                   user("{team}, {user} à l’appareil, bonjour !", pause: 4.5),
                   ext("Bonjour, c’est Mme Bérard. J’ai vu votre suspension Opaline sur votre site et j’aimerais avoir quelques renseignements."),
                   user("Avec plaisir. C’est pour quelle pièce, et quelle surface à peu près ?"),
                   ext("Pour la salle à manger. On a une grande table en chêne de deux mètres quarante, et je me demandais s’il fallait une seule suspension ou plusieurs."),
                   user("Sur une table de cette longueur, je vous conseillerais plutôt trois Opaline de 35 centimètres alignées, ou bien le modèle Barre, qui fait un mètre vingt d’un seul tenant."),
                   ext("Ah, trois, ça me plaît bien. Elles existent en laiton ? Notre cuisine est plutôt dans les tons dorés."),
                   user("Oui, en laiton brossé ou en laiton patiné. Le patiné est un peu plus chaud, plus ancien."),
                   ext("Et côté prix, on est sur quoi pour les trois ?"),
                   user("Comptez 420 euros pièce en laiton brossé, donc 1 260 euros, et 180 euros si vous souhaitez que notre électricien s’occupe de la pose avec une rosace triple."),
                   ext("D’accord. Et les délais ?"),
                   user("Le laiton brossé est en stock, on livre sous dix jours. Le patiné est fabriqué à la commande, plutôt quatre à cinq semaines."),
                   ext("Je préférerais voir les finitions en vrai avant de me décider. Vous avez un showroom ?"),
                   user("Tout à fait, dans le onzième, ouvert du mardi au samedi. Je peux vous envoyer le devis par e-mail avec l’adresse en attendant."),
                   ext("Parfait, envoyez-moi ça à l’adresse que j’ai laissée sur le formulaire. Je passerai sans doute samedi."),
                   user("Très bien, je vous prépare ça dans la journée. Merci Madame Bérard, à samedi peut-être !"),
                   ext("Merci, bonne journée."),
               ]),

        // Outbound quote follow-up.
        script(.french, .answered, inbound: false, tags: ["follow_up_later"],
               summary: """
               **Relance devis – restaurant de M. Giraud**
               - Le client hésite : un devis concurrent est environ 15 % moins cher.
               - Proposé : remise de 8 % sur les luminaires et pose des 12 appliques incluse ; livraison semaine du 19 février si commande avant la fin du mois.
               - **Prochaine étape :** envoyer le devis révisé aujourd’hui, rappeler vendredi en fin de matinée.
               """,
               lines: [
                   user("Bonjour Monsieur Giraud, {user} de {team}. Je vous appelle au sujet du devis pour le restaurant, vous avez deux minutes ?"),
                   ext("Oui, bonjour. Je l’ai bien reçu, merci. Je l’ai regardé avec mon associé hier soir."),
                   user("Très bien. Vous avez eu le temps de comparer les deux options, avec les appliques Cèdre et la version en verre fumé ?"),
                   ext("Oui. Honnêtement, on aime beaucoup le verre fumé, mais pour douze appliques plus les suspensions du bar, ça monte vite. On a un autre devis qui est environ quinze pour cent en dessous."),
                   user("Je comprends. Sur une commande de ce volume, je peux vous proposer une remise de huit pour cent sur l’ensemble des luminaires, et la pose des appliques incluse."),
                   ext("La pose incluse, ça change un peu les choses, oui. Vous pouvez tenir les délais pour une ouverture le quinze mars ?"),
                   user("Si la commande est validée avant la fin du mois, on livre la semaine du dix-neuf février. Ça laisse une bonne marge pour l’installation."),
                   ext("D’accord. Je dois quand même en rediscuter avec mon associé, il est en déplacement jusqu’à jeudi."),
                   user("Pas de souci. Je vous renvoie un devis mis à jour aujourd’hui, avec la remise et la pose, et je vous rappelle vendredi ?"),
                   ext("Vendredi en fin de matinée, c’est parfait."),
                   user("Entendu. Merci Monsieur Giraud, bonne journée."),
                   ext("Merci, à vendredi."),
               ]),

        // Inbound delivery delay.
        script(.french, .answered, inbound: true, tags: ["support"],
               summary: """
               **Retard de livraison – lampadaire Arc (commande C-40815)**
               - Retard dû au globe en verre soufflé fabriqué à Murano ; arrivée prévue mardi prochain.
               - Livraison estimée jeudi ou vendredi, avant l’événement du client le 12.
               - Frais de livraison (35 €) remboursés à titre commercial.
               - **Prochaine étape :** envoyer le SMS de suivi dès l’expédition.
               """,
               lines: [
                   user("{team}, bonjour, {user} à l’appareil."),
                   ext("Bonjour, Frédéric Lemaître. J’ai commandé un lampadaire Arc il y a presque quatre semaines, on m’avait annoncé quinze jours, et je n’ai toujours aucune nouvelle."),
                   user("Toutes mes excuses pour l’attente, Monsieur Lemaître. Vous avez votre numéro de commande sous la main ?"),
                   ext("Oui, c’est le C-40815."),
                   user("Merci, je regarde… Alors effectivement, le globe en verre soufflé vient de notre atelier partenaire à Murano, et ils ont eu un retard de cuisson sur toute une série.", pause: 3.0),
                   ext("D’accord, mais on parle de combien de temps ? On reçoit du monde le week-end du douze."),
                   user("Le globe nous arrive mardi prochain. On fait le contrôle qualité et l’expédition le lendemain, vous seriez livré jeudi ou vendredi."),
                   ext("Donc avant le douze, normalement."),
                   user("Oui, largement. Et pour le désagrément, je vous offre la livraison : on vous rembourse les 35 euros."),
                   ext("C’est gentil, merci. Vous pouvez me prévenir quand il part ?"),
                   user("Bien sûr, vous recevrez un SMS avec le créneau de livraison et le lien de suivi dès l’expédition."),
                   ext("Très bien. Merci pour les explications."),
                   user("Je vous en prie, et encore pardon pour ce contretemps. Bonne fin de journée."),
               ]),

        // Inbound billing question, two AI lines before the user picks up.
        script(.french, .answered, inbound: true, tags: ["billing"],
               summary: """
               **Facture F-2318 – double facturation**
               - La comptabilité de l’Hôtel des Tilleuls signale la ligne « pose et raccordement » (640 €) facturée deux fois.
               - Erreur confirmée : un avoir de 640 € sera émis aujourd’hui, avec le numéro de TVA intracommunautaire.
               - **Prochaine étape :** envoyer l’avoir à compta.tilleuls@example.com ; la cliente déduira le montant du solde.
               """,
               lines: [
                   agent("Bonjour, vous êtes bien chez {team}."),
                   agent("Pour une question sur une commande ou une facture, restez en ligne : un conseiller va vous répondre."),
                   user("Bonjour, {user}, service client de {team}.", pause: 6.0),
                   ext("Bonjour, Gaëlle Mercier, je suis à la comptabilité de l’Hôtel des Tilleuls. J’ai une question sur votre facture F-2318."),
                   user("Oui, je vous écoute."),
                   ext("On a une ligne « pose et raccordement » facturée deux fois, une fois sur l’acompte et une fois sur le solde. Ça fait 640 euros en double."),
                   user("Je regarde ça tout de suite… Vous avez raison, la pose était déjà incluse dans la facture d’acompte. C’est une erreur de notre part, toutes mes excuses.", pause: 2.5),
                   ext("D’accord. Comment on fait, du coup ? Le virement du solde est programmé pour vendredi."),
                   user("Le plus simple, c’est que je vous émette un avoir de 640 euros aujourd’hui. Vous pourrez régler le solde en déduisant ce montant."),
                   ext("Ça me va. Vous pouvez l’envoyer à compta point tilleuls arobase example point com ?"),
                   user("C’est noté. Et j’en profite : vous aviez demandé que le numéro de TVA intracommunautaire apparaisse sur les factures, je l’ajoute aussi sur l’avoir."),
                   ext("Oui, merci, ça nous évitera un aller-retour avec l’expert-comptable."),
                   user("Vous recevrez l’avoir d’ici une heure. Autre chose pour vous ?"),
                   ext("Non, ce sera tout. Merci pour la réactivité."),
                   user("Merci à vous, bonne journée Madame Mercier."),
               ]),

        // Inbound after-sales repair.
        script(.french, .answered, inbound: true, tags: ["support"],
               summary: """
               **SAV – applique Cèdre qui clignote**
               - M. Faure (Montreuil) : une de ses deux appliques scintille, surtout avec le variateur ; l’autre fonctionne normalement.
               - Diagnostic probable : driver LED défaillant, pris en charge sous garantie (2 ans).
               - **Intervention :** remplacement du driver sur place mardi entre 8 h et 10 h ; SMS de confirmation à envoyer.
               """,
               lines: [
                   user("{team}, {user}, bonjour."),
                   ext("Bonjour, Loïc Faure. Je vous appelle parce que j’ai deux appliques Cèdre achetées chez vous cet été, et il y en a une qui clignote depuis quelques jours."),
                   user("D’accord. Elle clignote tout le temps, ou seulement quand vous baissez la lumière ?"),
                   ext("Surtout quand je baisse avec le variateur. À fond, ça va à peu près, mais il y a quand même un petit scintillement."),
                   user("Et l’autre applique, sur le même variateur, fonctionne normalement ?"),
                   ext("Oui, c’est ça qui est bizarre. Elles sont sur le même interrupteur."),
                   user("Alors ça ressemble fort à un driver LED défaillant. C’est rare, mais c’est couvert par la garantie de deux ans."),
                   ext("Ah, tant mieux. Il faut que je vous la renvoie ?"),
                   user("Non, pas besoin de la démonter. Notre technicien peut passer changer le driver sur place, ça prend vingt minutes."),
                   ext("Parfait. J’habite à Montreuil, c’est possible ?"),
                   user("Oui, on intervient en petite couronne. J’ai un créneau mardi entre 8 h et 10 h, ou jeudi après-midi."),
                   ext("Mardi matin, c’est mieux pour moi."),
                   user("C’est noté pour mardi, entre 8 h et 10 h. Vous recevrez un SMS de confirmation, et le technicien vous préviendra quand il sera en route."),
                   ext("Super, merci beaucoup."),
                   user("Avec plaisir, bonne journée Monsieur Faure."),
               ]),

        // Outbound appointment booking.
        script(.french, .answered, inbound: false, tags: ["meeting_booked"],
               summary: """
               **Prise de rendez-vous – pose du lustre**
               - Le lustre de Mme Crémieux a été reçu et testé à l’atelier.
               - Pose fixée **jeudi à 9 h** (environ 3 h, deux techniciens) ; plafond en plâtre ancien, crochet à scellement prévu (lustre de 14 kg).
               - **Prochaine étape :** la cliente envoie le digicode par SMS.
               """,
               lines: [
                   user("Bonjour Madame Crémieux, {user} de {team}. Je vous appelle pour fixer la date de pose de votre lustre."),
                   ext("Ah, bonjour ! Oui, je l’attendais avec impatience. Il est arrivé ?"),
                   user("Il est arrivé hier à l’atelier, on l’a monté et testé, tout est en ordre. Il ne reste plus qu’à planifier l’installation."),
                   ext("Très bien. Qu’est-ce que vous avez comme disponibilités ?"),
                   user("Je peux vous proposer jeudi à 9 h, ou lundi prochain en début d’après-midi. Il faut prévoir environ trois heures, vu la hauteur sous plafond."),
                   ext("Jeudi 9 h, ça m’arrange. Il y a quelque chose à préparer de notre côté ?"),
                   user("Juste dégager l’espace sous le point lumineux, sur deux mètres environ. Et je voulais vérifier : votre plafond, c’est du placo ou du plâtre ancien ?"),
                   ext("Plâtre ancien, avec des moulures. C’est un appartement haussmannien."),
                   user("D’accord, l’équipe viendra avec un crochet à scellement, le lustre pèse quand même quatorze kilos."),
                   ext("Ah oui, quand même. Et pour l’accès, il y a un digicode, et l’ascenseur est tout petit."),
                   user("Pas de problème, le lustre est livré en pièces détachées. Vous pourrez m’envoyer le code par SMS ?"),
                   ext("Oui, je vous l’envoie juste après."),
                   user("Parfait. C’est donc confirmé pour jeudi à 9 h, avec deux techniciens. Bonne journée Madame Crémieux."),
                   ext("Merci, à jeudi !"),
               ]),

        // Inbound complaint, AI greets first.
        script(.french, .answered, inbound: true, tags: ["support", "to_call_back"],
               summary: """
               **Réclamation – suspension rayée et mauvaise température de couleur**
               - M. Dupré a reçu une suspension rayée, en 4 000 K au lieu de 2 700 K (erreur de préparation).
               - Remplacement complet en 2 700 K : livraison lundi, avec reprise de l’ancienne suspension.
               - **Prochaines étapes :** envoyer l’étiquette de retour, recevoir les photos du client, le rappeler demain.
               """,
               lines: [
                   agent("Bonjour, vous êtes bien chez {team}. Un instant, je vous mets en relation."),
                   user("Bonjour, {user} à l’appareil.", pause: 3.5),
                   ext("Oui, bonjour. Noël Dupré. Je suis assez mécontent : on m’a livré ce matin la suspension que j’ai commandée, et elle est rayée sur tout le côté."),
                   user("Toutes mes excuses, ce n’est pas du tout normal. Le carton était abîmé à la livraison ?"),
                   ext("Non, le carton était impeccable, c’est bien ça qui m’agace. Et en plus, la lumière est beaucoup plus blanche que celle du showroom."),
                   user("D’accord. Pour la teinte, vous aviez commandé la version 2 700 kelvins. Vous pouvez regarder l’étiquette sur la douille ?"),
                   ext("Attendez… Il est écrit 4 000 K.", pause: 1.5),
                   user("Alors c’est une erreur de préparation de notre côté, en plus de la rayure. On va vous remplacer la suspension entière, en 2 700 K."),
                   ext("J’espère bien. Mais je ne veux pas attendre encore trois semaines."),
                   user("Le modèle est en stock dans la bonne température. Je peux vous le faire livrer lundi, et le transporteur reprendra l’ancienne au même moment."),
                   ext("Lundi, bon. Il faudra que quelqu’un soit là, je suppose."),
                   user("Oui, sur un créneau de deux heures que vous choisirez par SMS. Je vous envoie aussi une étiquette de retour par e-mail, au cas où."),
                   ext("D’accord. Vous avez besoin de photos de la rayure ?"),
                   user("Oui, si vous pouvez en envoyer deux ou trois par e-mail, c’est pour notre réclamation auprès de l’atelier. Je vous rappelle demain pour confirmer que tout est calé."),
                   ext("Entendu. Merci."),
               ]),

        // Inbound supplier call.
        script(.french, .answered, inbound: true, tags: [],
               summary: """
               **Appel fournisseur – Atelier Verrier du Jura**
               - Prototypes de globes opalins validés ; four en maintenance les deux premières semaines d’avril.
               - Commande à passer avant le 20 mars pour une livraison avant le lancement du 2 mai.
               - Hausse annoncée de 38 € à 41 € par globe ; négocié à 39 € pour 200 pièces, paiement à 30 jours.
               - **Prochaine étape :** recevoir la proposition écrite, validation par la direction d’ici vendredi.
               """,
               lines: [
                   user("{team}, {user}, bonjour."),
                   ext("Bonjour, c’est Jérôme Bénard, de l’Atelier Verrier du Jura. Je vous appelle pour votre commande de globes pour la collection de printemps."),
                   user("Bonjour Jérôme ! Oui, on attendait de vos nouvelles. Tout se passe bien ?"),
                   ext("Oui, les prototypes opalins sont validés. Par contre, je dois vous prévenir : le four sera en maintenance les deux premières semaines d’avril."),
                   user("Ah. Ça décale la production de combien ?"),
                   ext("Si on lance avant le 20 mars, on peut sortir les 150 globes avant l’arrêt. Sinon, ce sera fin avril."),
                   user("Fin avril, c’est trop tard pour nous, le lancement est prévu le 2 mai. On va valider avant le 20."),
                   ext("Très bien. Autre chose : le prix du sable et du gaz a encore augmenté, on va devoir passer le globe de 38 à 41 euros."),
                   user("C’est une hausse assez sensible. Si on vous confirme 200 pièces au lieu de 150, vous pouvez rester à 38 ?"),
                   ext("À 200 pièces, je peux vous faire 39 euros, pas en dessous. Et on garde le paiement à trente jours."),
                   user("D’accord, ça me semble correct. Envoyez-moi une proposition écrite, je la fais valider par la direction d’ici vendredi."),
                   ext("Je vous envoie ça cet après-midi. Merci {user}, à bientôt."),
                   user("Merci Jérôme, bonne journée."),
               ]),

        // Inbound voicemail: callback request.
        script(.french, .voicemail, inbound: true, tags: ["to_call_back"],
               summary: """
               **Message vocal – Hélène Rousseau**
               - Question sur la finition noir mat des appliques du devis D-1187.
               - **Prochaine étape :** la rappeler après 18 h au 06 00 00 00 00.
               """,
               lines: [
                   agent("Bonjour, vous êtes bien chez {team}. Nos bureaux sont ouverts du mardi au samedi, de 10 h à 19 h. Laissez-nous un message après le bip, nous vous rappellerons dès que possible."),
                   ext("Oui, bonjour, c’est Hélène Rousseau. J’ai reçu votre devis pour les appliques de l’entrée, le D-1187, et j’aurais une question sur la finition noir mat.", pause: 1.5),
                   ext("Vous pouvez me rappeler au zéro six, zéro zéro, zéro zéro, zéro zéro, zéro zéro ? Plutôt après 18 heures. Merci, au revoir."),
               ]),

        // Inbound voicemail: delivery instructions.
        script(.french, .voicemail, inbound: true, tags: ["support"],
               summary: """
               **Message vocal – Anaïs Lefèvre (commande C-40922)**
               - Absente demain matin pour la livraison.
               - Demande un passage après 14 h, ou un dépôt chez la gardienne.
               - **Prochaine étape :** prévenir le transporteur et confirmer à la cliente par SMS.
               """,
               lines: [
                   agent("Bonjour, vous êtes sur le répondeur de {team}. Nous sommes actuellement en ligne ou en rendez-vous. Merci de laisser votre nom, votre numéro et l’objet de votre appel."),
                   ext("Bonjour, Anaïs Lefèvre, commande C-40922. C’est au sujet de la livraison de demain : finalement, je ne serai pas là le matin.", pause: 1.5),
                   ext("Est-ce que le livreur pourrait passer après 14 heures ? Sinon, il peut laisser le colis chez la gardienne, au rez-de-chaussée. Merci beaucoup, bonne journée."),
               ]),

        // Outbound voicemail: we leave the message after the beep.
        script(.french, .voicemail, inbound: false, tags: ["follow_up_later"],
               summary: """
               **Message laissé – relance du devis de Mme Vasseur**
               - Relance du devis d’éclairage du cabinet, envoyé la semaine dernière.
               - **Prochaine étape :** attendre son retour ; nouvelle relance dans une semaine si besoin.
               """,
               lines: [
                   ext("Bonjour, vous êtes bien sur la messagerie de Bénédicte Vasseur. Je ne suis pas disponible pour le moment, laissez-moi un message."),
                   agent("[bip]", pause: 0.8),
                   user("Bonjour Madame Vasseur, {user} de {team}. Je vous appelle au sujet du devis pour l’éclairage de votre cabinet, que je vous ai envoyé la semaine dernière. Je voulais savoir si vous aviez pu le consulter et si vous aviez des questions."),
                   user("Vous pouvez me rappeler directement au 01 00 00 00 00, ou répondre au SMS que je vous envoie. Belle journée !"),
               ]),

        // AI assistant takes a new project request.
        script(.french, .transferredToAI, inbound: true, tags: ["interested", "to_call_back"],
               summary: """
               **Projet boutique – Maëlys Garnier (Lyon)**
               - Rénovation d’une boutique de 80 m² : spots sur rail pour les vitrines et 2 à 3 suspensions au-dessus de la caisse.
               - Budget d’environ 6 000 €, pose comprise ; travaux début juin.
               - **Prochaine étape :** rappel par un conseiller demain matin avant 10 h.
               """,
               lines: [
                   agent("Bonjour, vous êtes bien chez {team}. Je suis l’assistant virtuel de l’équipe : tous nos conseillers sont occupés, mais je peux prendre votre demande. Que puis-je faire pour vous ?"),
                   ext("Bonjour. Oui, j’aimerais parler à quelqu’un pour un projet d’éclairage dans une boutique."),
                   agent("Avec plaisir. Pouvez-vous me donner votre nom et celui de votre boutique ?"),
                   ext("Maëlys Garnier, de la boutique Atelier Garance, à Lyon."),
                   agent("Merci Madame Garnier. Pouvez-vous me décrire le projet en quelques mots ?"),
                   ext("On refait la boutique, environ 80 mètres carrés. On voudrait des rails de spots pour les vitrines et deux ou trois grosses suspensions au-dessus de la caisse. Les travaux commencent début juin."),
                   agent("C’est noté : environ 80 m², des spots sur rail pour les vitrines, deux ou trois suspensions au-dessus de la caisse, travaux début juin. Avez-vous un budget approximatif ?"),
                   ext("Autour de six mille euros, pose comprise si possible."),
                   agent("Très bien. À quel numéro et à quel moment un conseiller peut-il vous rappeler ?"),
                   ext("Sur ce numéro, plutôt le matin avant l’ouverture, donc avant 10 heures."),
                   agent("Parfait. Un conseiller de {team} vous rappellera demain matin avant 10 h. Puis-je vous aider pour autre chose ?"),
                   ext("Non, c’est tout. Merci."),
                   agent("Merci pour votre appel, Madame Garnier. Belle journée !"),
               ]),

        // AI assistant handles an after-hours breakage report.
        script(.french, .transferredToAI, inbound: true, tags: ["support"],
               summary: """
               **Produit cassé à la livraison – commande C-41037**
               - M. Côté a reçu une lampe à poser avec l’abat-jour en verre fendu ; carton enfoncé, livraison signée sans réserve.
               - L’assistant a envoyé un SMS pour recueillir des photos.
               - **Prochaine étape :** un conseiller rappelle demain pour organiser le remplacement.
               """,
               lines: [
                   agent("Bonsoir, vous êtes bien chez {team}. Nos conseillers sont joignables du mardi au samedi, de 10 h à 19 h. Je suis l’assistant de l’équipe, je peux noter votre demande."),
                   ext("Bonsoir. Je viens de recevoir une lampe à poser, et l’abat-jour est cassé. Le verre est fendu."),
                   agent("Toutes nos excuses pour ce désagrément. Avez-vous votre numéro de commande ? Il commence par la lettre C."),
                   ext("Euh, attendez… C-41037.", pause: 0.5),
                   agent("Merci. J’ai bien noté la commande C-41037. Pouvez-vous me confirmer votre nom ?"),
                   ext("François Côté."),
                   agent("Merci Monsieur Côté. Le carton était-il endommagé à la réception ?"),
                   ext("Un peu enfoncé sur un coin, oui. J’ai signé sans faire de réserve, je n’ai pas pensé à vérifier."),
                   agent("C’est noté. Je vous envoie un SMS : vous pourrez y répondre avec deux ou trois photos de l’abat-jour et du carton. Un conseiller vous contactera demain pour organiser le remplacement."),
                   ext("D’accord, merci."),
                   agent("Je vous en prie. Merci de conserver l’emballage d’ici là. Bonne soirée, Monsieur Côté."),
               ]),

        // User transfers to the accounting colleague.
        script(.french, .transferredExternal, inbound: true, tags: ["billing"],
               summary: """
               **Paiement rejeté – facture F-2290 (Ligne Claire Architectes)**
               - Le virement a été rejeté, probablement envoyé sur l’ancien RIB (changé en janvier).
               - Appel transféré à Gaëlle (comptabilité) pour le nouveau RIB et l’annulation de la relance.
               """,
               lines: [
                   user("{team}, bonjour, {user} à l’appareil."),
                   ext("Bonjour, Cécile Morel, du cabinet Ligne Claire Architectes. On a un souci avec un paiement : notre virement a été rejeté, et on vient de recevoir une relance."),
                   user("D’accord. C’est sur quelle facture ?"),
                   ext("La F-2290, pour le chantier de la rue Lepic."),
                   user("Je la vois, oui. Elle est marquée impayée, avec un rejet bancaire le 3. Notre RIB a changé en janvier, vous avez peut-être utilisé l’ancien.", pause: 2.0),
                   ext("Ah, c’est possible. Notre comptable a dû garder l’ancien dans ses fichiers."),
                   user("Pour le nouveau RIB et pour annuler la relance, le mieux est de voir directement avec Gaëlle, notre responsable comptable. Je vous la passe, ne quittez pas."),
                   ext("Très bien, merci."),
                   user("Je vous transfère maintenant. Bonne journée, Madame Morel."),
               ]),

        // AI assistant transfers to the installation partner.
        script(.french, .transferredExternal, inbound: true, tags: ["support"],
               summary: """
               **Demande de pose – région bordelaise**
               - M. Lemoine a acheté trois suspensions et souhaite les faire installer près de Bordeaux.
               - Appel transféré au partenaire installateur Lumen Pose Aquitaine (déplacement offert).
               """,
               lines: [
                   agent("Bonjour, vous êtes bien chez {team}. Que puis-je faire pour vous ?"),
                   ext("Bonjour, j’ai acheté trois suspensions chez vous et je voudrais les faire poser. J’habite près de Bordeaux."),
                   agent("Merci. Pour les installations en Gironde, nous travaillons avec un électricien partenaire, Lumen Pose Aquitaine. Voulez-vous que je vous mette en relation directement ?"),
                   ext("Oui, ce serait parfait. C’est le même tarif que chez vous, à Paris ?"),
                   agent("Le tarif de pose est fixé par notre partenaire, mais le déplacement est offert aux clients de {team}. Il pourra vous faire un devis pendant l’appel."),
                   ext("D’accord, allez-y."),
                   agent("Puis-je avoir votre nom, pour le lui indiquer ?"),
                   ext("Théo Lemoine."),
                   agent("Merci Monsieur Lemoine. Je vous transfère à Lumen Pose Aquitaine, restez en ligne."),
               ]),
    ]

    private static let englishScripts: [SeedCallScript] = [
        // Inbound sales enquiry from a US designer, AI greets first.
        script(.english, .answered, inbound: true, tags: ["interested", "vip"],
               summary: """
               **Sales enquiry – restaurant project in Brooklyn**
               - Interior designer Dana Whitfield wants 14 small + 2 large Opaline pendants (smoked glass, brass) for a restaurant opening in early September.
               - Confirmed UL-listed 120 V drivers, dimmable (ELV or 0-10 V); Lutron model to be confirmed.
               - 15% trade discount, shipping included; about 6 weeks of production + 1 week of air freight.
               - **Next step:** send the quote, spec sheets and reference photos by tomorrow.
               """,
               lines: [
                   agent("Thank you for calling {team}. Please hold for a moment while I connect you with a lighting advisor."),
                   user("Hi, this is {user} at {team}, how can I help?", pause: 5.0),
                   ext("Hi {user}, my name is Dana Whitfield, I'm an interior designer in Brooklyn. I'm working on a restaurant fit-out and I love your Opaline pendants."),
                   user("Oh, great to hear. What kind of quantity are you thinking about?"),
                   ext("Probably fourteen over the banquettes and a couple of larger ones by the host stand. My main question is whether they're UL listed. The contractor won't install anything that isn't."),
                   user("Yes, the whole Opaline range ships with UL-listed 120-volt drivers for the US market. We'll send the certification sheets with the quote."),
                   ext("Perfect. And they're dimmable? We'll be on a Lutron system."),
                   user("They are, with any ELV or 0-10 volt dimmer. I'd just need the exact Lutron model to double-check compatibility."),
                   ext("I'll get that from the electrician. What about lead times? We're opening in early September."),
                   user("For fourteen pieces in the smoked glass, we're looking at about six weeks to produce, plus roughly a week by air freight to New York."),
                   ext("That works. Is there any trade pricing?"),
                   user("Yes, we offer a fifteen percent trade discount for design studios, and on an order this size I can include the shipping."),
                   ext("Okay, that's really helpful. Can you put together a quote for fourteen small and two large, in smoked glass with brass?"),
                   user("Absolutely. I'll have it to you by tomorrow, along with the spec sheets and a few photos of a similar restaurant we did in Boston."),
                   ext("Amazing. Thanks so much."),
                   user("My pleasure, Dana. Talk soon."),
               ]),

        // Outbound quote follow-up with a UK customer.
        script(.english, .answered, inbound: false, tags: ["follow_up_later"],
               summary: """
               **Quote follow-up – O'Brien townhouse, Islington**
               - Customer likes the quote; confirmed that prices include UK VAT and that we handle customs.
               - No UK installation team: fittings ship with UK kits and their builder's electrician will install them.
               - Waiting on the kitchen plans before finalising the number of pendants.
               - **Next step:** extend the quote to the end of next month and confirm by email.
               """,
               lines: [
                   user("Hello, is that Mr O'Brien? It's {user} calling from {team}."),
                   ext("Speaking, yes. Hello."),
                   user("I'm just following up on the quote we sent over for the townhouse in Islington. Have you had a chance to look at it?"),
                   ext("I have, thanks. It all looks lovely. My wife and I just had a couple of questions before we commit."),
                   user("Of course, go ahead."),
                   ext("First, the prices. Are those including VAT? And will there be any import charges when it comes over from France?"),
                   user("The prices in pounds include UK VAT, and we handle the customs clearance ourselves, so there's nothing extra to pay on delivery."),
                   ext("Oh, that's good. The second thing is the fitting. You don't install in London, do you?"),
                   user("We don't have our own team in the UK, no, but the fittings come with UK ceiling-rose kits and full instructions, so any qualified electrician can do it in an hour or two."),
                   ext("Right. We've got a builder on site already, so that should be fine."),
                   ext("To be honest, we're still waiting on the kitchen plans before we finalise the number of pendants. Could you hold the quote for a few weeks?"),
                   user("Certainly. The quote's valid for thirty days, but I can extend it to the end of next month, no problem."),
                   ext("Brilliant. I'll get back to you once the architect has sent the drawings."),
                   user("Sounds good. I'll drop you an email with the new validity date. Thanks, Mr O'Brien."),
                   ext("Cheers, bye now."),
               ]),

        // Inbound delivery delay, parcel held at customs.
        script(.english, .answered, inbound: true, tags: ["support"],
               summary: """
               **Delivery delay – Arc floor lamp, order C-40877**
               - Parcel held at JFK for a routine customs inspection (glass shade); duties already prepaid.
               - Release expected within 2-3 business days; the customer needs it before a party in about ten days.
               - **Next step:** monitor daily; if not released by Wednesday, ship a replacement from New Jersey stock. Text the customer when it moves.
               """,
               lines: [
                   user("{team}, this is {user} speaking."),
                   ext("Hi, this is Rachel Kowalski. I ordered the Arc floor lamp, and the tracking has said 'held at customs' for six days now. I'm starting to get a little worried."),
                   user("I'm sorry about that, Rachel. Let me pull up your order. Do you have the order number handy?"),
                   ext("Yeah, it's C-40877."),
                   user("Thanks. Okay, I can see it's at the JFK processing facility. Customs flagged it for a routine inspection because of the glass shade.", pause: 2.5),
                   ext("Is that something I need to do anything about? Do I owe duties?"),
                   user("No, nothing on your side. Duties were prepaid when you ordered. Our broker sent them the commercial invoice yesterday, so it should be released within two or three business days."),
                   ext("Okay. It's a housewarming gift, and the party is a week from Saturday."),
                   user("It should make it in time. I'll keep an eye on it personally, and if it isn't released by Wednesday, we'll ship a second lamp from our New Jersey stock so you're not left without one."),
                   ext("Oh, that would be great. Thank you."),
                   user("Of course. You'll get a text from us as soon as it moves."),
                   ext("Perfect, thanks {user}."),
               ]),

        // Inbound invoice correction, two AI lines first.
        script(.english, .answered, inbound: true, tags: ["billing"],
               summary: """
               **Invoice correction – F-2335 (Harlow Finch Partners)**
               - Invoice issued in EUR under the client's pre-merger name; they need USD and the new legal name.
               - F-2335 to be cancelled and reissued in USD (about $4,860) to Harlow Finch Partners LLC, with PO 7781.
               - **Next step:** send the new invoice with our US ACH details within the hour.
               """,
               lines: [
                   agent("Hello, you've reached {team}."),
                   agent("This call may be recorded for quality purposes. Connecting you now."),
                   user("Hi, {user} speaking, how can I help?", pause: 4.0),
                   ext("Hi, it's Marcus Bell from Harlow Finch, we're an architecture practice in Chicago. I'm calling about invoice F-2335."),
                   user("Sure, what seems to be the issue?"),
                   ext("Two things. It was issued in euros, and our accounts team can only process USD invoices. And the company name is wrong, it's showing our old name from before the merger."),
                   user("Okay, sorry about that. What's the correct legal name?"),
                   ext("Harlow Finch Partners LLC. Same address."),
                   user("Got it. I'll cancel F-2335 and reissue it in dollars under Harlow Finch Partners LLC. It'll be converted at today's rate, so about four thousand eight hundred and sixty dollars."),
                   ext("That's fine. Can you also add our PO number? It's PO 7781."),
                   user("Of course, I'll add PO 7781. Would you prefer to pay by card or by ACH transfer?"),
                   ext("ACH, if you have US bank details."),
                   user("We do. The new invoice will have our US account details at the bottom. You'll have it within the hour."),
                   ext("Great, thanks for sorting that out."),
                   user("No problem at all, Marcus. Have a good day."),
               ]),

        // Inbound after-sales: buzzing wall light (UK).
        script(.english, .answered, inbound: true, tags: ["support"],
               summary: """
               **After-sales – buzzing Cedar wall light**
               - Harriet Ashdown reports one of two Cedar wall lights buzzing when dimmed, since her electrician fitted a new Varilight V-Pro dimmer.
               - Likely cause: dimmer minimum load not calibrated for a small LED load.
               - **Next step:** email the calibration instructions; if the hum persists, send a replacement driver under warranty.
               """,
               lines: [
                   user("Good afternoon, {team}, {user} speaking."),
                   ext("Hiya, it's Harriet Ashdown. I bought two of your Cedar wall lights in the spring and one of them has started buzzing."),
                   user("Oh, that's annoying. Is it buzzing all the time, or only when they're dimmed?"),
                   ext("Mostly when they're dimmed. On full brightness it's almost silent. My electrician changed the dimmer switch last month, if that's relevant."),
                   user("That's very likely the cause. Do you know which dimmer he put in?"),
                   ext("Hang on, I've got the box here somewhere… It says Varilight, V-Pro, 400 watt.", pause: 4.0),
                   user("Right, that's a trailing-edge dimmer, which is good, but it needs its minimum load setting adjusted. With only two LED wall lights on the circuit, it's below the minimum, and that causes the hum."),
                   ext("Ah. So it's not the lights themselves?"),
                   user("Probably not. There's a short calibration procedure on that model. I'll email you the instructions, it takes two minutes."),
                   ext("And if that doesn't fix it?"),
                   user("Then we'll send you a replacement driver free of charge, they're under warranty for two years. It's a simple swap for your electrician."),
                   ext("Lovely, that's really helpful. Thanks so much."),
                   user("You're welcome. Just reply to the email and let me know how you get on."),
               ]),

        // Outbound booking of a video consultation.
        script(.english, .answered, inbound: false, tags: ["meeting_booked"],
               summary: """
               **Video consultation booked – loft in Austin**
               - Jordan (website lead) is redoing the lighting for a loft; budget around $12,000.
               - Consultation with designer Chloé booked for **Thursday at 4 p.m. Central**; Jordan's partner may join.
               - **Next step:** send the calendar invite with the video link, and an upload link for plans and photos.
               """,
               lines: [
                   user("Hi, is this Jordan? It's {user} from {team}. You filled in the consultation form on our website yesterday."),
                   ext("Oh, hi! Yes, that's me. Thanks for getting back so quickly."),
                   user("Of course. You mentioned you're redoing the lighting for a loft in Austin. We usually start with a thirty-minute video consultation with one of our designers. Would that work for you?"),
                   ext("Yeah, that'd be great. What do I need to prepare?"),
                   user("Just a floor plan if you have one, the ceiling heights, and a few photos of each room. A rough budget helps too."),
                   ext("I've got the plans from the architect, I can send those. Budget-wise, we're thinking somewhere around twelve thousand dollars for the whole place."),
                   user("That's plenty to work with. Our designer Chloé is available Tuesday at 10 a.m. your time, or Thursday at 4 p.m."),
                   ext("Thursday at four is better, I'm at work all morning on Tuesday."),
                   user("Thursday at 4 p.m. Central it is. I'll send you a calendar invite with a video link, and an email where you can upload the plans and photos."),
                   ext("Sounds good. Should my partner join too?"),
                   user("Definitely. Anyone can join from the same link."),
                   ext("Great. Looking forward to it."),
                   user("Likewise. Have a good rest of your day, Jordan."),
               ]),

        // Inbound complaint (UK), AI greets first.
        script(.english, .answered, inbound: true, tags: ["support", "to_call_back"],
               summary: """
               **Complaint – damaged chandelier, order C-40731**
               - Glass arm broken on delivery and ceiling fixing kit missing; the customer's earlier email with photos went unanswered.
               - Replacement arm and fixing kit sent by express courier today (arriving Thursday).
               - Electrician call-out fee (£80) to be refunded once the invoice is received.
               - **Next step:** call Mr McAllister back on Thursday afternoon.
               """,
               lines: [
                   agent("Thank you for calling {team}. One of our team will be with you shortly."),
                   user("Hello, you're through to {user}.", pause: 6.5),
                   ext("Hi. I'm calling because I'm honestly quite frustrated. This is the second time I've had to ring about the same order."),
                   user("I'm sorry to hear that. Can I take your name and order number so I can see the history?"),
                   ext("Graham McAllister, order C-40731. The chandelier arrived last Tuesday with one of the glass arms smashed. I sent photos the same day, and I've heard nothing since."),
                   user("I can see your photos on file, Mr McAllister, and I can see nobody replied. That shouldn't have happened, I apologise."),
                   ext("And on top of that, the box of ceiling fixings wasn't in there either, so my electrician came out for nothing. That's cost me eighty quid."),
                   user("That's really not good enough on our part. Here's what I'd like to do: I'll send a replacement arm and the fixing kit by express courier today, so you'll have them on Thursday."),
                   ext("Right. And the electrician?"),
                   user("We'll reimburse his call-out fee. If you email me his invoice, I'll refund the eighty pounds to your card the same day."),
                   ext("Okay. That's more like it. Thank you."),
                   user("I'll also call you on Thursday afternoon to make sure everything's arrived in one piece."),
                   ext("Fine. Thursday afternoon's good."),
                   user("Thanks for your patience, Mr McAllister. Speak Thursday."),
               ]),

        // Inbound partner call: a US showroom wants to become a stockist.
        script(.english, .answered, inbound: true, tags: ["interested", "vip"],
               summary: """
               **Partner enquiry – Cedar & Stone showroom, Austin**
               - Priya Raman wants to stock the Opaline pendant and the Arc floor lamp.
               - Terms discussed: $5,000 minimum opening order, 50% off retail for wholesale, display models at 60% off on the first order.
               - 12-month exclusivity for central Austin, provided at least 4 pieces are on display.
               - **Next step:** send price list, trade terms and look book this afternoon; set up a call with the founder next week.
               """,
               lines: [
                   user("{team}, good morning, {user} speaking."),
                   ext("Good morning! This is Priya Raman, I run Cedar & Stone, a lighting and furniture showroom in Austin. I met your founder at the design fair in Milan."),
                   user("Oh yes, I think she mentioned you. Lovely to hear from you."),
                   ext("Likewise. We'd like to carry a few of your pieces in the showroom. Maybe the Opaline and the Arc floor lamp to start."),
                   user("That's great news. We currently have three stockists in the US, and we work on a wholesale basis with a minimum opening order of five thousand dollars."),
                   ext("That's fine. What kind of margin are we looking at?"),
                   user("Wholesale is fifty percent off retail, and we offer display models at sixty percent off on the first order."),
                   ext("Okay. And exclusivity? There's another design store a few blocks away."),
                   user("We can offer exclusivity for central Austin for the first twelve months, as long as you keep at least four pieces on display."),
                   ext("That sounds reasonable. Could you send me the wholesale price list and your terms?"),
                   user("Of course. I'll send the price list, the trade terms and our look book this afternoon, and I'll set up a call with our founder next week."),
                   ext("Perfect. Thanks so much, {user}."),
                   user("Thank you, Priya. Speak soon."),
               ]),

        // Outbound follow-up where the prospect declines.
        script(.english, .answered, inbound: false, tags: ["not_interested"],
               summary: """
               **Proposal follow-up – Ms Patel's new office**
               - The customer chose another supplier offering furniture and lighting as a single package (budget and logistics).
               - Agreed to stay on the newsletter list; possible interest later for the meeting rooms.
               """,
               lines: [
                   user("Hi, is that Ms Patel? It's {user} from {team}. We spoke a couple of weeks ago about lighting for your new office."),
                   ext("Oh, hi. Yes, I remember."),
                   user("I just wanted to check in and see whether you'd had a chance to review the proposal."),
                   ext("I did, thank you. I'm afraid we've decided to go with another supplier. They were able to do the whole fit-out, furniture included, as one package."),
                   user("That makes sense, it's simpler to deal with one contractor. Thanks for letting me know."),
                   ext("Your pieces were gorgeous, honestly. It just came down to budget and logistics."),
                   user("I appreciate that. Would you mind if I kept you on our mailing list? We only send a short newsletter a few times a year."),
                   ext("Sure, that's fine. Maybe for the meeting rooms later on."),
                   user("Wonderful. If anything changes with the meeting rooms, you know where to find us."),
                   ext("Will do. Thanks for calling."),
                   user("Thank you, Ms Patel. All the best with the move."),
               ]),

        // Inbound voicemail: product question from Manchester.
        script(.english, .voicemail, inbound: true, tags: ["to_call_back", "interested"],
               summary: """
               **Voicemail – Tom Gallagher (Manchester)**
               - Interested in the Barre pendant for a kitchen island; asks whether a longer version (about 160 cm) exists.
               - **Next step:** call back in the afternoon on 07700 900000.
               """,
               lines: [
                   agent("Hello, you've reached {team}. Our team is available Tuesday to Saturday, 10 a.m. to 7 p.m. Paris time. Please leave your name, number and a short message after the tone, and we'll get back to you."),
                   ext("Hi, this is Tom Gallagher calling from Manchester. I'm interested in the Barre pendant for my kitchen island, but I need to know if it comes in a longer size, something like one-sixty.", pause: 1.5),
                   ext("You can reach me on oh seven seven double-oh, nine double-oh, triple-oh. Afternoons are best. Thanks very much, bye."),
               ]),

        // Inbound voicemail: disputed payment reminder.
        script(.english, .voicemail, inbound: true, tags: ["billing"],
               summary: """
               **Voicemail – Emily Novak, invoice F-2351**
               - Received a payment reminder but says she paid by card on the 14th and has the receipt.
               - **Next step:** check the payment status and reply by email; ask for the receipt if needed.
               """,
               lines: [
                   agent("Thanks for calling {team}. We're either on another call or away from the desk. Leave a message and we'll call you back as soon as we can."),
                   ext("Hi, it's Emily Novak. I just got a payment reminder for invoice F-2351, but I'm pretty sure I paid it by card on the fourteenth. I have the receipt.", pause: 1.5),
                   ext("Could someone check and let me know? I can forward the receipt if that helps. My email's on the account. Thanks, bye."),
               ]),

        // Outbound voicemail: we leave a delivery update after the beep.
        script(.english, .voicemail, inbound: false, tags: [],
               summary: """
               **Voicemail left – delivery update for Sam**
               - Two Opaline pendants cleared customs; delivery scheduled Friday between 9 a.m. and 1 p.m.
               - **Next step:** the customer replies by text if the slot doesn't work.
               """,
               lines: [
                   ext("Hi, you've reached Sam. Leave a message and I'll call you back."),
                   agent("[beep]", pause: 0.6),
                   user("Hi Sam, it's {user} from {team}. Good news: your two Opaline pendants have cleared customs and are with the courier. They're scheduled for delivery this Friday, between 9 and 1."),
                   user("If that doesn't work for you, just reply to the text I'm sending now and we'll move it. Have a great day!"),
               ]),

        // AI assistant takes a hospitality lead after hours.
        script(.english, .transferredToAI, inbound: true, tags: ["interested", "to_call_back"],
               summary: """
               **Lead – hotel lobby chandeliers, Miami**
               - Carlos Medina (Bayfront Hospitality Group) needs 3 custom sculptural chandeliers (brass, hand-blown glass) for a 22 ft lobby ceiling.
               - Installation required by mid-October for a November reopening.
               - **Next step:** design team to call back tomorrow after 9 a.m. Eastern; hospitality portfolio link sent by text.
               """,
               lines: [
                   agent("Hi, thanks for calling {team}. I'm the virtual assistant. Our team in Paris is offline right now, but I can take down your request. How can I help?"),
                   ext("Hi. I'm renovating a hotel lobby in Miami and I'm looking for large custom chandeliers."),
                   agent("That sounds like a great project. Could I get your name and the company you're with?"),
                   ext("Sure. Carlos Medina, with Bayfront Hospitality Group."),
                   agent("Thank you, Carlos. Roughly how many fixtures are you considering, and what's the ceiling height in the lobby?"),
                   ext("Three main chandeliers, I'd say. The ceiling is about twenty-two feet. We'd want something sculptural, maybe brass and hand-blown glass."),
                   agent("Noted: three custom chandeliers in brass and hand-blown glass, for a twenty-two-foot ceiling. Do you have a target date for installation?"),
                   ext("The lobby reopens in November, so we'd need them installed by mid-October at the latest."),
                   agent("Thanks. What's the best number and time for our design team to call you back?"),
                   ext("This number is fine. Anytime after 9 a.m. Eastern."),
                   agent("Perfect. A member of the {team} design team will call you tomorrow after 9 a.m. Eastern. I'll also text you a link to our hospitality portfolio. Is there anything else?"),
                   ext("No, that's it. Thanks."),
                   agent("Thank you for calling, Carlos. Have a good evening."),
               ]),

        // AI assistant records a delivery address change.
        script(.english, .transferredToAI, inbound: true, tags: ["support"],
               summary: """
               **Address change – order C-40964**
               - Olivia Brennan is moving and asked for delivery to Flat 3, 18 Alder Road, Bristol BS6 0ZZ.
               - Order put on hold before shipping; planned dispatch on Monday.
               - **Next step:** the team validates the new address and confirms by text within one business day.
               """,
               lines: [
                   agent("Hello, you've reached {team}. I'm the virtual assistant, and I can help with orders, deliveries and appointments. What can I do for you today?"),
                   ext("Hi, I need to change the delivery address on my order. I'm moving next week."),
                   agent("No problem. Could you give me your order number, please?"),
                   ext("It's C-40964."),
                   agent("Thank you. I have an order for one Cedar wall light and one Opaline pendant, currently being prepared for shipping. Can you confirm the name on the order?"),
                   ext("Yes, it's Olivia Brennan."),
                   agent("Thanks, Olivia. What's the new delivery address?"),
                   ext("Flat 3, 18 Alder Road, Bristol, BS6 0ZZ."),
                   agent("Got it: Flat 3, 18 Alder Road, Bristol, BS6 0ZZ. Address changes are checked by our team before shipping, so I've put your order on hold until they've confirmed it."),
                   ext("Okay. Will it still arrive before the end of the month?"),
                   agent("The order is scheduled to ship on Monday, so it should arrive well before the end of the month. You'll get a text confirming the new address within one business day."),
                   ext("Great, thank you."),
                   agent("You're welcome, Olivia. Good luck with the move!"),
               ]),

        // User transfers an architect to the lighting engineer.
        script(.english, .transferredExternal, inbound: true, tags: ["interested"],
               summary: """
               **Technical enquiry – Greenhaus Architects (Seattle)**
               - Library renovation project: needs IES files for the large pendants and CRI 95 at 3000 K on the custom range.
               - Call transferred to Bastien (lighting engineer).
               """,
               lines: [
                   user("{team}, {user} speaking."),
                   ext("Hi, this is Nathan Cole from Greenhaus Architects in Seattle. We're specifying lighting for a library renovation and I have some technical questions about your custom range."),
                   user("Of course. What kind of questions?"),
                   ext("Mainly photometrics. We need IES files for the large pendants, and I'd like to know whether you can hit a CRI of 95 at 3000 K."),
                   user("We can do CRI 95 on the custom range, yes. For the IES files and the detailed specs, our lighting engineer, Bastien, is the best person to talk to. He's in the office today."),
                   ext("That would be great, if he's free."),
                   user("Let me check… Yes, he's available. I'm transferring you now, Nathan. One moment.", pause: 3.0),
               ]),

        // AI assistant transfers a London customer to the partner installer.
        script(.english, .transferredExternal, inbound: true, tags: ["support"],
               summary: """
               **Installation request – London**
               - Amelia Hughes received a pendant and needs it fitted.
               - Transferred to partner installer Brightwire Electrical (fixed price of about £90 for a single pendant, to be confirmed by them).
               """,
               lines: [
                   agent("Hello, you've reached {team}. How can I help you today?"),
                   ext("Hi, I had a pendant delivered yesterday and I need someone to fit it. Do you have anyone in London?"),
                   agent("We don't install in the UK ourselves, but we work with a recommended partner in London, Brightwire Electrical. They offer a fixed price for fitting our pendants. Would you like me to transfer you?"),
                   ext("Yes please. Roughly how much do they charge?"),
                   agent("Their fixed price for a single pendant is usually around ninety pounds, but they'll confirm it with you directly."),
                   ext("Okay, that's reasonable. Go ahead."),
                   agent("Can I take your name so I can let them know who's calling?"),
                   ext("Amelia Hughes."),
                   agent("Thank you, Amelia. I'm transferring you to Brightwire Electrical now. Please stay on the line."),
               ]),
    ]

    // MARK: - SMS templates

    static let textTemplates: [SeedTextTemplate] = frenchOutboundTexts + frenchInboundTexts + englishOutboundTexts + englishInboundTexts

    private static let frenchOutboundTexts: [SeedTextTemplate] = [
        fr(out: "Bonjour, c’est {user} de {team}. Je vous confirme votre rendez-vous au showroom samedi à 11 h. À samedi !"),
        fr(out: "Bonjour, votre devis est disponible ici : https://maisonlumiere.fr/devis/D-1187 Il est valable 30 jours. N’hésitez pas si vous avez des questions. {user}"),
        fr(out: "Bonjour ! Je suis en route, j’arrive chez vous d’ici 20 minutes environ. {user}, {team}"),
        fr(out: "Votre commande est expédiée 📦 Livraison prévue jeudi entre 8 h et 13 h. Suivi : https://maisonlumiere.fr/suivi/C-40815"),
        fr(out: "Notre technicienne 👩‍🔧 passera mardi entre 8 h et 10 h pour remplacer le driver de votre applique. Répondez OUI pour confirmer. {team}"),
        fr(out: "Rappel : la facture F-2318 arrive à échéance le 15. Vous pouvez la régler en ligne : https://maisonlumiere.fr/paiement/F-2318 Merci ! {team}"),
        fr(out: "Merci pour votre visite aujourd’hui ! Comme promis, voici les fiches techniques des suspensions Opaline : https://maisonlumiere.fr/collections/opaline {user}"),
        fr(out: "Bonjour, le transporteur nous indique un créneau de livraison demain entre 14 h et 18 h. Ce créneau vous convient-il ?"),
        fr(out: "Petit conseil 💡 pour vos suspensions : privilégiez des ampoules 2 700 K, la lumière sera plus chaude le soir. Bonne soirée ! {user}"),
        fr(out: "Bonjour, nous n’avons pas réussi à vous joindre. Pouvez-vous nous rappeler au 01 00 00 00 00 au sujet de votre commande ? Merci, {team}"),
        fr(out: "Votre avoir de 640 € a bien été émis. Vous le trouverez dans votre espace client : https://maisonlumiere.fr/compte/factures"),
        fr(out: "Bonne nouvelle, votre lustre est arrivé à l’atelier ! Quand souhaitez-vous que l’on vienne le poser ?"),
        fr(out: "Livraison offerte partout en France 🇫🇷 pour toute commande passée avant dimanche. Découvrez les nouveautés : https://maisonlumiere.fr/nouveautes"),
        fr(out: "Le showroom sera exceptionnellement fermé ce samedi pour inventaire. Réouverture mardi à 10 h. {team}"),
        fr(out: "Bonjour, pourriez-vous nous envoyer deux ou trois photos de l’abat-jour et du carton ? Cela nous permettra de lancer le remplacement rapidement. Merci !"),
        // Long, accented: needs UCS-2, several segments.
        fr(out: "Bonjour, c’est {user} de {team}. Voici le récapitulatif de notre échange : trois suspensions Opaline de 35 cm en laiton brossé, une rosace triple et la pose par notre électricien. Le montant total s’élève à 1 440 € TTC, livraison comprise. Si ce devis vous convient, vous pouvez le valider en ligne et régler l’acompte de 30 % ici : https://maisonlumiere.fr/devis/D-1204 Dès réception de l’acompte, tout sera prêt pour une pose sous dix jours ouvrés. N’hésitez pas à m’écrire si vous souhaitez voir les finitions au showroom avant de vous décider. Très belle journée à vous !"),
    ]

    private static let frenchInboundTexts: [SeedTextTemplate] = [
        fr(in: "Bonjour, c’est Mme Bérard. Je passerai finalement au showroom samedi vers 15 h, est-ce que {user} sera là ?"),
        fr(in: "Parfait, merci ! 👍🏽"),
        fr(in: "Le code de l’immeuble est 4812B, 3e étage gauche. Merci !"),
        fr(in: "Bonjour, est-ce que la suspension Opaline existe en noir mat ?"),
        fr(in: "Je ne serai pas là demain matin, est-ce possible de livrer après 14 h ? Sinon, chez la gardienne."),
        fr(in: "Merci pour cette magnifique lampe, toute la famille l’adore 👨‍👩‍👧"),
        fr(in: "Bonjour, j’ai bien reçu la facture mais il manque notre numéro de TVA intracommunautaire. Pouvez-vous la corriger ?"),
        fr(in: "OUI"),
        fr(in: "Le technicien est passé, l’applique fonctionne parfaitement. Merci beaucoup 🙏"),
        fr(in: "Bonjour, ma suspension clignote quand je baisse le variateur, est-ce normal ?"),
        fr(in: "Est-ce que vous faites des luminaires sur mesure pour un restaurant ? Nous ouvrons à Nantes au printemps."),
        fr(in: "Désolée, j’ai dix minutes de retard pour le rendez-vous, j’arrive !"),
        fr(in: "Reçu, tout est en parfait état. Merci à toute l’équipe 😊"),
        // Long, accented.
        fr(in: "Bonjour, je me permets de vous écrire car la suspension livrée ce matin n’est pas conforme : la lumière est très blanche (4 000 K sur l’étiquette) alors que j’avais commandé la version 2 700 K, et il y a une rayure d’environ cinq centimètres sur le côté. Le carton était pourtant en parfait état. Pouvez-vous me dire rapidement comment procéder pour l’échange ? Je suis disponible lundi toute la journée. Merci d’avance, Noël Dupré"),
        // Hostile: ANSI colour escape.
        fr(in: "Bonjour, \u{1B}[31mURGENT\u{1B}[0m : ma lampe ne s’allume plus depuis ce matin, pouvez-vous me rappeler ?"),
        // Hostile: right-to-left override.
        fr(in: "Merci pour le devis. Ma référence client est \u{202E}8147-LC\u{202C}, à rappeler dans votre réponse svp."),
    ]

    private static let englishOutboundTexts: [SeedTextTemplate] = [
        en(out: "Hi, it's {user} from {team}. Just confirming your video consultation with Chloé on Thursday at 4 p.m. Central. The link will be in your inbox shortly."),
        en(out: "Your quote is ready: https://maisonlumiere.fr/en/quote/Q-2291 It's valid for 30 days. Any questions, just reply here. {user}"),
        en(out: "On my way! I should be with you in about 15 minutes. {user}"),
        en(out: "Good news, your order has shipped 📦 Estimated delivery: Friday, 9am-1pm. Track it here: https://maisonlumiere.fr/en/track/C-40877"),
        en(out: "Friendly reminder: invoice F-2335 ($4,860) is due on the 30th. You can pay online at https://maisonlumiere.fr/en/pay/F-2335 Thanks! {team}"),
        en(out: "Thanks for stopping by the showroom today! Here's the Opaline spec sheet we talked about: https://maisonlumiere.fr/en/collections/opaline"),
        en(out: "Hi, we tried to reach you about your delivery. Could you call us back on +33 1 00 00 00 00 when you get a moment? Thanks, {team}"),
        en(out: "Your replacement driver is in the post and should arrive within 2-3 working days. Let us know how the calibration goes in the meantime!"),
        en(out: "Hi, could you reply with 2 or 3 photos of the damaged shade and the box? It helps us process the replacement faster. Thank you!"),
        en(out: "Quick tip 💡 Warm white bulbs (2700K) look best with smoked glass shades."),
        en(out: "Hi, {user} here. Just a heads-up that the courier is running about an hour late today. Sorry for the inconvenience!"),
        en(out: "Your consultation is confirmed 👍 See you Thursday!"),
        en(out: "Your refund of £80 for the electrician's call-out has been processed. It should show on your card within 3-5 working days."),
        // Long, plain GSM-7 (no accents, no curly quotes, no placeholders): 3+ segments.
        en(out: "Hi, this is a quick summary of your order with us. You ordered two Opaline pendants in smoked glass with brushed brass fittings, plus one Arc floor lamp. Everything has cleared customs and is now with the courier. Delivery is booked for Friday between 9am and 1pm. Please make sure someone is home to sign for it, as the parcels are fragile and cannot be left outside. If Friday does not suit you, reply to this message with a better day and we will rebook it. Thank you for shopping with us!"),
        // Long recap for a trade customer.
        en(out: "Thanks again for choosing {team} for the restaurant project. To recap: 14 small and 2 large Opaline pendants in smoked glass with brass, UL-listed 120V drivers, dimmable with ELV or 0-10V dimmers. Production takes about six weeks, plus one week of air freight to New York. Your 15% trade discount and shipping are included. Spec sheets and photos of our Boston project are here: https://maisonlumiere.fr/en/trade/boston-project Let me know if you'd like any changes! {user}"),
    ]

    private static let englishInboundTexts: [SeedTextTemplate] = [
        en(in: "Hi, is the Barre pendant available in a longer size? Something around 160cm."),
        en(in: "Thanks so much! 😊"),
        en(in: "Friday works, thank you!"),
        en(in: "Just back from Paris 🇫🇷 and still dreaming about your showroom. Do you ship to Seattle?"),
        en(in: "Running 10 min late, sorry!"),
        en(in: "Hi, it's Emily Novak. I got a reminder for F-2351 but I paid on the 14th. Happy to send the receipt."),
        en(in: "Can you leave the parcel with my neighbour at number 14 if I'm out?"),
        en(in: "The buzzing stopped after the calibration. Brilliant, thanks {user}!"),
        en(in: "Hi, do you have UL certification docs for the Arc floor lamp? Our contractor is asking."),
        en(in: "Hello, can I move my delivery to Saturday morning?"),
        en(in: "こんにちは。オパリーヌのペンダントライトを3つ注文したいのですが、東京への配送は可能でしょうか？見積もりをお願いします。"),
        en(in: "您好，我想咨询一下黄铜吊灯的价格和运到上海的运费。谢谢！"),
        en(in: "Hi, this is Kenji Watanabe (渡辺健二). Could you send the invoice to our Osaka office? 大阪オフィス宛てでお願いします。"),
        en(in: "안녕하세요, 서울로 배송이 가능한가요? 견적 부탁드립니다."),
        // Long, plain.
        en(in: "Hi there, I bought two Cedar wall lights from you in the spring and one of them has started buzzing when it's dimmed. My electrician recently swapped the dimmer for a Varilight V-Pro 400W. Is this a known issue? Happy to send a short video if that helps. Thanks, Harriet"),
        // Hostile: BEL and carriage return.
        en(in: "Hi, quick question about my order\u{07}\rDelivery address is now 18 Alder Road, can you update it?"),
        // Hostile: backspaces and an OSC window-title sequence.
        en(in: "Hello, photos of the broken shade attached\u{08}\u{08}\u{1B}]0;pwned\u{07} let me know about the replacement."),
    ]

    // MARK: - Private builders

    private static func agent(_ text: String, pause: Double = 0) -> SeedDraftLine {
        SeedDraftLine(speaker: .agent, text: text, pause: pause)
    }

    private static func user(_ text: String, pause: Double = 0) -> SeedDraftLine {
        SeedDraftLine(speaker: .user, text: text, pause: pause)
    }

    private static func ext(_ text: String, pause: Double = 0) -> SeedDraftLine {
        SeedDraftLine(speaker: .external, text: text, pause: pause)
    }

    private static func fr(out text: String) -> SeedTextTemplate {
        SeedTextTemplate(language: .french, inbound: false, text: text)
    }

    private static func fr(in text: String) -> SeedTextTemplate {
        SeedTextTemplate(language: .french, inbound: true, text: text)
    }

    private static func en(out text: String) -> SeedTextTemplate {
        SeedTextTemplate(language: .english, inbound: false, text: text)
    }

    private static func en(in text: String) -> SeedTextTemplate {
        SeedTextTemplate(language: .english, inbound: true, text: text)
    }

    /// Silences between turns, cycled deterministically.
    private static let turnGaps: [Double] = [0.4, 0.8, 0.3, 1.1, 0.6, 0.5, 0.9, 0.35, 0.7]

    /// Builds a script, assigning deterministic, speech-rate-based timings to the lines.
    private static func script(
        _ language: SeedLanguage,
        _ outcome: SeedCallOutcome,
        inbound: Bool,
        tags: [String],
        summary: String,
        lines drafts: [SeedDraftLine]
    ) -> SeedCallScript {
        // Words per second: conversational speech is ~150 words/minute; French
        // words are shorter, and the synthetic voice is a little faster.
        let baseRate: Double = language == .french ? 2.8 : 2.6
        var clock = 0.4
        var lines: [SeedScriptLine] = []
        lines.reserveCapacity(drafts.count)
        for (index, draft) in drafts.enumerated() {
            let words = draft.text.split(separator: " ").count
            let rate = draft.speaker == .agent ? baseRate + 0.2 : baseRate
            let jitter = Double(draft.text.unicodeScalars.count % 7) * 0.05
            let spoken = max(0.8, Double(words) / rate + 0.3 + jitter)
            let sameSpeaker = index > 0 && drafts[index - 1].speaker == draft.speaker
            let gap: Double
            if index == 0 {
                gap = 0
            } else if sameSpeaker {
                gap = 0.3
            } else {
                gap = turnGaps[(index + draft.text.count) % turnGaps.count]
            }
            let start = roundedTenth(clock + gap + draft.pause)
            let end = roundedTenth(start + spoken)
            lines.append(SeedScriptLine(speaker: draft.speaker, start: start, end: end, text: draft.text))
            clock = end
        }
        return SeedCallScript(
            language: language,
            outcome: outcome,
            inbound: inbound,
            summary: summary,
            tags: tags,
            lines: lines
        )
    }

    private static func roundedTenth(_ value: Double) -> Double {
        (value * 10).rounded() / 10
    }
}
