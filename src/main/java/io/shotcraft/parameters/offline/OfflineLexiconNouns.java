package io.shotcraft.parameters.offline;

import static io.shotcraft.parameters.offline.OfflineExtractKind.*;

import java.util.HashMap;
import java.util.Map;

/**
 * The nouns the extractor knows, in the singular, each with its kind. Several words may form one noun ("olive
 * oil", "golden hour"); hyphens and spaces are interchangeable. A noun missing here is still read as one from its
 * position in the phrase; the list is what lets bare plurals ("copper pans") and compounds be read correctly.
 */
final class OfflineLexiconNouns {

    private OfflineLexiconNouns() {
    }

    /** Normalised noun to kind. */
    static final Map<String, OfflineExtractKind> KINDS = build();

    private static Map<String, OfflineExtractKind> build() {
        var nouns = new HashMap<String, OfflineExtractKind>();
        OfflineLexiconLookup.put(nouns, ANIMATE, """
                man, woman, girl, boy, child, kid, baby, toddler, infant, person, people, lady, gentleman, guy,
                teenager, teen, adult, elder, grandmother, grandfather, grandma, grandpa, mother, father, mom, dad,
                daughter, son, grandchild, grandson, granddaughter, sister, brother, parent, sibling, wife, husband,
                spouse, partner, lover, neighbor, neighbour, passenger, pedestrian, commuter, shopper, customer,
                resident, citizen, local, family, couple, friend, crowd, audience, stranger, figure, bride, groom,
                dancer, ballerina, chef, cook, baker, barista, bartender, waiter, waitress, soldier, knight, warrior,
                samurai, ninja, viking, gladiator, archer, astronaut, cosmonaut, diver, swimmer, surfer, skater,
                skateboarder, snowboarder, skier, cyclist, biker, rider, jockey, runner, jogger, athlete, boxer,
                wrestler, fighter, climber, hiker, explorer, adventurer, traveler, traveller, tourist, pilgrim, nomad,
                wanderer, fisherman, farmer, shepherd, gardener, carpenter, blacksmith, mechanic, engineer, scientist,
                doctor, nurse, surgeon, detective, cop, police officer, officer, guard, spy, agent, thief, pirate,
                sailor, captain, pilot, driver, cowboy, cowgirl, sheriff, king, queen, prince, princess, emperor,
                empress, monk, priest, nun, shaman, witch, wizard, sorcerer, mage, magician, musician, guitarist,
                singer, pianist, violinist, cellist, saxophonist, trumpeter, bassist, drummer, protester, demonstrator,
                spectator, onlooker, fan, player, referee, coach, busker, juggler, acrobat, performer, conductor, cub,
                pup, fawn, foal, dj, painter, artist, sculptor, photographer, writer, poet, student, teacher, professor,
                worker, businessman, businesswoman, model, actor, actress, clown, mime, vendor, merchant, shopkeeper,
                villager, hunter, ranger, firefighter, paramedic, hacker, gamer, scholar, librarian, geisha, maiden,
                hero, heroine, villain, giant, elf, dwarf, fairy, mermaid, angel, demon, ghost, zombie, vampire,
                werewolf, alien, robot, android, cyborg, mech, droid, automaton, golem, monster, creature, beast,
                dragon, unicorn, phoenix, griffin, troll, goblin, orc, yeti, teddy bear, snowman, scarecrow, cat,
                kitten, dog, puppy, fox, wolf, bear, polar bear, panda, horse, pony, stallion, mare, donkey, zebra,
                giraffe, elephant, rhino, rhinoceros, hippo, deer, stag, doe, moose, elk, reindeer, rabbit, bunny, hare,
                squirrel, chipmunk, mouse, rat, hamster, raccoon, otter, beaver, badger, hedgehog, porcupine, skunk,
                lion, lioness, tiger, leopard, cheetah, jaguar, panther, lynx, puma, cougar, monkey, ape, gorilla,
                chimpanzee, orangutan, lemur, sloth, koala, kangaroo, camel, llama, alpaca, cow, bull, ox, calf, sheep,
                lamb, goat, pig, piglet, boar, bison, buffalo, husky, corgi, retriever, labrador, poodle, bulldog,
                dachshund, beagle, bird, eagle, hawk, falcon, owl, crow, raven, parrot, macaw, pigeon, dove, swan, duck,
                duckling, goose, heron, crane, stork, flamingo, peacock, hummingbird, seagull, gull, pelican, penguin,
                puffin, albatross, rooster, chicken, hen, chick, sparrow, robin, finch, bluebird, songbird, woodpecker,
                vulture, kingfisher, fish, goldfish, koi, salmon, trout, shark, whale, orca, dolphin, seal, sea lion,
                walrus, turtle, tortoise, octopus, squid, jellyfish, crab, lobster, shrimp, starfish, seahorse,
                manta ray, stingray, eel, snake, cobra, python, lizard, gecko, iguana, chameleon, crocodile, alligator,
                frog, toad, salamander, butterfly, moth, bee, bumblebee, wasp, ant, beetle, ladybug, ladybird,
                dragonfly, firefly, spider, snail, caterpillar, grasshopper, scorpion, bat, dinosaur, t rex, raptor,
                mammoth
                """);
        OfflineLexiconLookup.put(nouns, BODY, """
                hand, finger, fingertip, palm, fist, arm, leg, foot, knee, face, eye, lip, mouth, nose, ear, hair,
                beard, mustache, moustache, head, shoulder, skin, cheek, forehead, tear, smile, gaze, tail, paw, wing,
                fur, feather, scale, whisker, claw, horn, antler, hoof, mane, fin, breath
                """);
        OfflineLexiconLookup.put(nouns, PLACE, """
                kitchen, room, bedroom, living room, dining room, bathroom, office, studio, workshop, garage, warehouse,
                factory, lab, laboratory, library, classroom, hallway, corridor, lobby, restaurant, cafe, café,
                coffee shop, diner, bar, pub, club, nightclub, store, shop, supermarket, market, marketplace,
                night market, bazaar, bakery, church, cathedral, chapel, temple, shrine, monastery, mosque, castle,
                palace, mansion, cabin, cottage, house, home, apartment, attic, basement, cellar, barn, stable,
                greenhouse, gym, arena, stadium, theater, theatre, cinema, museum, gallery, station, train station,
                subway station, bus stop, airport, hangar, subway, street, road, highway, freeway, motorway, alley,
                alleyway, avenue, boulevard, lane, sidewalk, crosswalk, intersection, square, plaza, park, playground,
                garden, courtyard, rooftop, bridge, pier, dock, harbor, harbour, port, marina, city, town, village,
                metropolis, cityscape, skyline, downtown, suburb, neighborhood, neighbourhood, countryside, farm, field,
                meadow, pasture, prairie, savanna, savannah, grassland, forest, woods, woodland, jungle, rainforest,
                grove, orchard, vineyard, mountain, mountainside, mountaintop, peak, summit, hill, hillside, valley,
                canyon, gorge, cliff, cave, cavern, desert, dune, oasis, beach, shore, shoreline, coast, coastline,
                ocean, sea, lake, lakeside, river, riverbank, stream, creek, pond, lagoon, waterfall, swamp, marsh, bay,
                island, reef, coral reef, seabed, seafloor, sea floor, ocean floor, glacier, tundra, volcano, space,
                outer space, deep space, orbit, planet, mars, earth, jupiter, saturn, galaxy, nebula, space station,
                cockpit, deck, battlefield, ruin, graveyard, cemetery, campsite, trail, path, runway, racetrack,
                parking lot, gas station, laundromat, hospital, school, university, courtroom, prison, tunnel, sewer,
                landscape, terrain, wilderness, arctic, antarctica, snowfield, ice field, ballroom, stage, backstage,
                throne room, dungeon, tower, lighthouse, boardwalk, promenade, waterfront, riverside, plain, plateau,
                steppe, badlands, crater, moor, heath, ice, water, lawn, backyard, yard, mountain range, range, ridge,
                fjord, interior, exterior, bamboo forest, rice field, rice paddy, tokyo, kyoto, paris, london, new york,
                manhattan, venice, rome, hong kong, shanghai, seoul, dubai, cairo, istanbul, marrakech, havana,
                los angeles, san francisco, chicago, berlin, amsterdam, barcelona, sahara, himalayas, alps, amazon,
                everest, mount fuji, grand canyon, times square, iceland, scotland, patagonia
                """);
        OfflineLexiconLookup.put(nouns, CLOTHING, """
                dress, gown, sundress, skirt, shirt, t shirt, blouse, sweater, hoodie, jacket, leather jacket, coat,
                trench coat, raincoat, overcoat, cloak, cape, robe, kimono, hakama, sari, suit, tuxedo, uniform, armor,
                armour, spacesuit, space suit, wetsuit, jumpsuit, overalls, apron, vest, jeans, trousers, pants, shorts,
                leggings, boot, shoe, sneaker, sandal, heel, slipper, sock, glove, mitten, hat, fedora, top hat, cap,
                beanie, helmet, hood, crown, tiara, veil, scarf, tie, bow tie, mask, goggles, glasses, sunglasses,
                spectacles, earring, necklace, bracelet, belt, sash, turban, headband, bandana, headphones, outfit,
                costume, attire, clothes, clothing, garment, tunic, poncho, shawl
                """);
        OfflineLexiconLookup.put(nouns, EVENT, """
                chase, car chase, race, parade, festival, concert, party, wedding, battle, fight, duel, game, match,
                ceremony, celebration, explosion, carnival, procession, protest, riot, performance, journey, escape,
                heist, dinner, feast, picnic, market day
                """);
        OfflineLexiconLookup.put(nouns, TIME, """
                dawn, sunrise, daybreak, morning, early morning, midday, noon, high noon, afternoon, late afternoon,
                golden hour, magic hour, blue hour, sunset, sundown, dusk, twilight, evening, night, nighttime,
                midnight, daytime, nightfall, first light
                """);
        OfflineLexiconLookup.put(nouns, SEASON, """
                summer, autumn, winter, springtime, summertime, wintertime
                """);
        OfflineLexiconLookup.put(nouns, WEATHER, """
                rain, rainfall, raindrop, drizzle, downpour, storm, thunderstorm, rainstorm, snowstorm, sandstorm,
                blizzard, snow, snowfall, snowflake, sleet, hail, fog, mist, cloud, storm cloud, thunder, lightning,
                wind, breeze, gust, gale, tornado, hurricane, monsoon, frost, heatwave, rainbow, weather
                """);
        OfflineLexiconLookup.put(nouns, LIGHTING, """
                light, lighting, sunlight, moonlight, starlight, candlelight, firelight, lamplight, daylight,
                torchlight, neon, neon light, neon glow, city light, street light, string light, fairy light,
                northern light, aurora, aurora borealis, glow, afterglow, glint, gleam, sparkle, glare, shadow,
                silhouette, ray, beam, sunbeam, moonbeam, shaft, spotlight, backlight, backlighting, rim light,
                key light, fill light, volumetric light, god ray, lens flare, reflection, highlight, illumination,
                luminescence, bioluminescence, chiaroscuro, moon, full moon, sun, star, sunshine, twinkle
                """);
        OfflineLexiconLookup.put(nouns, ATMOSPHERE, """
                steam, smoke, haze, dust, dust mote, mote, spark, ember, ash, bubble, particle, confetti, fume, vapor,
                vapour, smog, sky, atmosphere, ambience, ambiance, aura
                """);
        OfflineLexiconLookup.put(nouns, CAMERA, """
                camera, dolly, dolly shot, dolly zoom, tracking shot, tilt, zoom, orbit shot, crane shot, whip pan,
                push in, pull back, pullback, pull out, steadicam, gimbal, camera movement, camera move, camerawork,
                flyover, flythrough, fly through, drone shot, drone footage, fpv, arc shot, pan shot
                """);
        OfflineLexiconLookup.put(nouns, SHOT, """
                shot, view, angle, footage, frame, perspective, close up, closeup, extreme close up, medium shot,
                medium close up, wide shot, long shot, full shot, establishing shot, aerial shot, aerial view,
                bird eye view, birds eye view, overhead shot, top down view, low angle shot, high angle shot,
                dutch angle, over the shoulder shot, pov, point of view, first person view, portrait, panorama, selfie,
                two shot, cowboy shot, insert shot, macro shot, wide angle, depth of field, bokeh, lens, macro lens,
                wide angle lens, telephoto lens, fisheye lens, anamorphic lens
                """);
        OfflineLexiconLookup.put(nouns, STYLE, """
                style, aesthetic, anime, manga, cartoon, animation, illustration, watercolor, watercolour, oil painting,
                pixel art, claymation, stop motion, 3d animation, 3d render, cgi, render, film noir, noir,
                cinematography, documentary, film grain, 35mm film, 16mm film, 8mm film, 70mm film, super 8, vhs,
                slow motion, time lapse, timelapse, hyperlapse, studio ghibli, ghibli, pixar, wes anderson,
                unreal engine, realism, photorealism, surrealism, impressionism, cyberpunk, steampunk, vaporwave,
                synthwave, fantasy, sci fi, science fiction, horror, thriller, western, comic book, graphic novel,
                concept art, matte painting, found footage, music video
                """);
        OfflineLexiconLookup.put(nouns, PALETTE, """
                palette, color palette, colour palette, colors, colours, color scheme, colour scheme, hue, tones,
                earth tones, tint, color grading, colour grading, color grade, colour grade, grading, black and white,
                monochrome, sepia, pastels, saturation, teal and orange
                """);
        OfflineLexiconLookup.put(nouns, MOOD, """
                mood, vibe, feel, feeling, tone, melancholy, nostalgia, serenity, tension, suspense, mystery, dread,
                wonder, awe, panic, fear, excitement, anticipation, joy, sadness, loneliness, tranquility, tranquillity,
                solitude, chaos
                """);
        OfflineLexiconLookup.put(nouns, VAGUE, """
                scene, background, foreground, distance, moment, time, way, direction, air, world, place, area, setting,
                environment, surroundings, image, video, clip, sequence, day, week, year, life, everything, something,
                nothing, one, lot, bit, kind, sort, rest, thing, detail, texture, pattern, shape, sound, silence, blur,
                horizon, focus, edge, middle, center, centre, surface, side, top, bottom, corner, heart, depth,
                outskirts, rim, base, end, level, row, line, group, pair, bunch, pile, stack, heap, cluster, handful,
                collection, array, series, set, swarm, flock, herd, pack, team, band, troupe, horde, army, variety,
                number, motion, movement, speed, color, colour
                """);
        OfflineLexiconLookup.put(nouns, PROP, PROPS);
        return Map.copyOf(nouns);
    }

    private static final String PROPS = """
            food, vegetable, fruit, bread, loaf, dough, cake, pie, cookie, pastry, croissant, soup, stew, sauce, coffee,
            tea, wine, beer, whiskey, whisky, cocktail, juice, milk, oil, olive oil, salt, pepper, cheese, meat, steak,
            rice, noodle, pasta, ramen, sushi, dumpling, egg, apple, orange, lemon, lime, banana, berry, strawberry,
            cherry, grape, tomato, onion, garlic, carrot, potato, mushroom, herb, spice, flour, sugar, butter,
            chocolate, ice cream, pizza, burger, sandwich, candy, popcorn, honey, pot, pan, frying pan, skillet, wok,
            saucepan, kettle, teapot, board, cutting board, chopping board, knife, cleaver, spoon, measuring spoon,
            fork, chopstick, ladle, spatula, whisk, grater, bowl, mixing bowl, plate, dish, platter, tray, cup, teacup,
            mug, glass, wine glass, bottle, jar, jug, pitcher, can, tin, stove, stovetop, oven, microwave, sink, faucet,
            tap, counter, countertop, fridge, refrigerator, freezer, mixer, stand mixer, blender, toaster, rack, shelf,
            bookshelf, cabinet, cupboard, drawer, table, desk, chair, armchair, stool, bench, sofa, couch, bed, pillow,
            cushion, blanket, quilt, sheet, towel, rug, carpet, curtain, blind, lamp, desk lamp, floor lamp, lantern,
            candle, candlestick, chandelier, torch, clock, mirror, window, windowsill, window sill, windowpane, door,
            doorway, gate, fence, wall, floor, ceiling, roof, stair, staircase, step, ladder, balcony, railing, pillar,
            column, arch, fireplace, chimney, vase, flowerpot, plant, houseplant, painting, picture, photo, photograph,
            picture frame, poster, sign, neon sign, billboard, banner, flag, mural, graffiti, statue, sculpture,
            fountain, bell, book, notebook, journal, newspaper, magazine, letter, envelope, map, scroll, paper,
            document, file, folder, pen, pencil, brush, paintbrush, canvas, easel, typewriter, phone, smartphone,
            telephone, radio, television, tv, computer, laptop, screen, monitor, keyboard, tablet, console, controller,
            hologram, wire, cable, circuit, server, antenna, satellite, satellite dish, solar panel, machine, engine,
            gear, lever, button, switch, dial, gauge, tank, barrel, crate, box, chest, suitcase, bag, backpack, basket,
            bucket, watering can, cart, trolley, wheelbarrow, umbrella, parasol, cane, walking stick, rope, chain, net,
            fishing rod, hook, key, lock, coin, jewel, gem, crystal, ring, watch, pocket watch, wallet, ticket,
            cigarette, cigar, pipe, ashtray, glass of whiskey, revolver, pistol, gun, rifle, sword, katana, blade,
            dagger, axe, hammer, saw, shovel, spade, rake, hoe, pickaxe, shield, bow, arrow, spear, staff, wand, orb,
            potion, cauldron, skull, bone, throne, coffin, tombstone, candelabra, car, sports car, convertible,
            limousine, chrome, taxi, cab, bus, truck, van, jeep, motorcycle, motorbike, bike, bicycle, scooter,
            skateboard, tram, streetcar, train, carriage, boat, ship, yacht, sailboat, canoe, kayak, raft, ferry,
            gondola, submarine, plane, airplane, aeroplane, jet, helicopter, hot air balloon, balloon, rocket,
            spaceship, spacecraft, starship, shuttle, rover, lunar rover, drone, tractor, wagon, wheel, tire, tyre,
            headlight, taillight, traffic light, street lamp, streetlamp, streetlight, lamppost, lamp post, pole,
            power line, mailbox, hydrant, fire hydrant, trash can, dumpster, vending machine, stall, booth, kiosk,
            awning, tent, kite, ball, football, basketball, frisbee, toy, doll, puzzle, guitar, piano, violin, cello,
            drum, trumpet, saxophone, flute, microphone, speaker, record player, vinyl record, flower, rose, tulip,
            lily, sunflower, daisy, orchid, lotus, lily pad, blossom, cherry blossom, petal, bouquet, tree, oak, pine,
            palm tree, willow, birch, maple, bamboo, bush, shrub, hedge, grass, weed, leaf, vine, ivy, moss, fern,
            cactus, reed, branch, twig, trunk, root, log, stump, rock, stone, boulder, pebble, sand, shell, seashell,
            seaweed, coral, driftwood, wave, puddle, icicle, iceberg, snowdrift, fire, flame, campfire, bonfire,
            firework, web, cobweb, nest, footprint, track, flagpole, oxygen tank, building, skyscraper, tower block,
            storefront, shopfront, window display, signpost, street sign, traffic cone, barrier, scaffolding, container,
            shipping container
            """;
}
